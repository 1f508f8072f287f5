using System.CommandLine;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands;

/// <summary>The options and input checks that score, search, mine, cluster and the bench commands share.</summary>
internal static class EmbeddingInputs
{
    public static Option<string> RequiredPath(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Metric() => new("--metric")
    {
        Description = "cosine, dot, manhattan or euclidean (manhattan and euclidean are negated distances: higher = more similar)",
        DefaultValueFactory = _ => "cosine",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads to use; -1 = all cores",
        DefaultValueFactory = _ => -1,
    };

    public static SimilarityFunction ParseMetric(string name)
    {
        try
        {
            return SimilarityFunctionNames.Parse(name);
        }
        catch (ArgumentException)
        {
            throw new CliException($"unknown --metric '{name}'; expected cosine, dot, manhattan or euclidean");
        }
    }

    /// <summary>The metric as the distributed operations name it (the same four functions).</summary>
    public static ScoreFunction ParseScoreFunction(string name) => Enum.Parse<ScoreFunction>(ParseMetric(name).ToString());

    /// <summary>With <c>--cluster</c> the silos' kernels run the work: a <c>--threads</c> given is refused, naming it.</summary>
    public static void RequireInProcess(ParseResult parse, Option<int> threads)
    {
        if (parse.GetResult(threads) is { Implicit: false })
        {
            throw new CliException("--threads applies to work in this process; with --cluster the silos' own settings apply");
        }
    }

    /// <summary>Reads a .npy matrix given to <paramref name="option"/> and rejects NaN/∞, naming the file and row.</summary>
    public static EmbeddingMatrix Read(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{option} '{path}' is a directory, not a .npy file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{option}: no such file: {path}");
        }

        var matrix = NpyFormat.Read(path);
        FiniteEmbeddings.EnsureFinite(matrix, path);
        return matrix;
    }

    public static void EnsureSameDimensions(EmbeddingMatrix a, string aPath, EmbeddingMatrix b, string bPath)
    {
        if (a.Columns != b.Columns)
        {
            throw new CliException($"{aPath} has {a.Columns} dimensions but {bPath} has {b.Columns}");
        }
    }

    public static KernelOptions Kernels(int threads) => threads is -1 or > 0
        ? new KernelOptions { MaxDegreeOfParallelism = threads }
        : throw new CliException($"--threads must be -1 (all cores) or a positive number, got {threads}");

    public static int AtLeastOne(int value, string option) =>
        value >= 1 ? value : throw new CliException($"{option} must be at least 1, got {value}");
}
