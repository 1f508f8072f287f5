using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// <c>simctl bench corpus</c>: search, paraphrase mining and community detection over a corpus sharded on a
/// development cluster of N silos (in this process, reached by an Orleans client over TCP) against the in-process code
/// on the same embeddings, alternating the two, with the ratio of the medians; every result is checked equal to the
/// in-process one (a difference is an error, not a figure). See <see cref="CorpusBench"/>.
/// </summary>
internal static class BenchCorpusCommand
{
    private static readonly string[] KnownOps = ["search", "cluster", "mine"];

    public static Command Create()
    {
        var embeddings = new Option<string>("--embeddings") { Description = "Corpus rows: a float32 .npy (rows × dims)", Required = true };
        var rows = new Option<int>("--rows") { Description = "Rows of the corpus: the first N of --embeddings, or more made from them (copies + gaussian noise, renormalised); 0 = all", DefaultValueFactory = _ => 0 };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the noise added to each value of a copied row (--rows above the file's)", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<int>("--seed") { Description = "Seed of the noise", DefaultValueFactory = _ => 42 };
        var silos = new Option<int>("--silos") { Description = "Silos in the development cluster", DefaultValueFactory = _ => 2 };
        var shards = new Option<int>("--shards") { Description = "Shards of the corpus", DefaultValueFactory = _ => 4 };
        var queries = new Option<int>("--queries") { Description = "Search queries: the first Q corpus rows", DefaultValueFactory = _ => 100 };
        var queryFile = new Option<string?>("--query-embeddings") { Description = "Search queries from this .npy instead of the corpus's first rows" };
        var topK = new Option<int>("--top-k", "-k") { Description = "Hits per query (search) and neighbours per row (mine)", DefaultValueFactory = _ => 10 };
        var maxPairs = new Option<int>("--max-pairs") { Description = "Pairs mining returns", DefaultValueFactory = _ => 500_000 };
        var threshold = new Option<double>("--threshold") { Description = "Cosine threshold of community detection", DefaultValueFactory = _ => 0.75 };
        var minSize = new Option<int>("--min-size") { Description = "Smallest community", DefaultValueFactory = _ => 10 };
        var ops = new Option<string>("--ops") { Description = "Operations to time, comma-separated: search, cluster, mine", DefaultValueFactory = _ => "search,cluster" };
        var precision = new Option<string>("--precision") { Description = "How the shards store rows: float32 or float16 (the in-process side gets the same rounded rows)", DefaultValueFactory = _ => "float32" };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each side per operation (the median is compared)", DefaultValueFactory = _ => 3 };
        var distributedOnly = new Option<bool>("--distributed-only") { Description = "Time only the distributed side (for sizes whose in-process run would take too long); results are then not compared" };
        var json = CommandOutput.JsonSwitch();
        var output = CommandOutput.Option("the figures");
        var command = new Command("corpus", "Search, mining and communities over a corpus sharded on N silos vs the in-process code; results checked equal.")
        {
            embeddings, rows, noise, seed, silos, shards, queries, queryFile, topK, maxPairs, threshold, minSize, ops, precision, runs, distributedOnly, json, output,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new CorpusBench.Settings(
                parse.GetRequiredValue(embeddings),
                parse.GetValue(rows) is >= 0 and var r ? r : throw new CliException($"--rows must be 0 (all) or more, got {parse.GetValue(rows)}"),
                parse.GetValue(noise) is >= 0 and var sigma && double.IsFinite(sigma) ? sigma : throw new CliException($"--noise must be 0 or a positive number, got {parse.GetValue(noise)}"),
                parse.GetValue(seed),
                EmbeddingInputs.AtLeastOne(parse.GetValue(silos), "--silos"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(shards), "--shards"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(queries), "--queries"),
                parse.GetValue(queryFile),
                EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(maxPairs), "--max-pairs"),
                double.IsFinite(parse.GetValue(threshold)) ? parse.GetValue(threshold) : throw new CliException("--threshold must be a finite number"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(minSize), "--min-size"),
                ParseOps(parse.GetRequiredValue(ops)),
                ParsePrecision(parse.GetRequiredValue(precision)),
                EmbeddingInputs.AtLeastOne(parse.GetValue(runs), "--runs"),
                parse.GetValue(distributedOnly));
            var report = await CorpusBench.RunAsync(settings, cancellationToken);

            await using var writer = CommandOutput.OpenWriter(parse.GetValue(output));
            await writer.WriteAsync(parse.GetValue(json) ? report.ToJson() : report.ToTable());
            await writer.FlushAsync(cancellationToken);
            return report.Mismatch is { } mismatch
                ? throw new CliException($"the distributed result differs from the in-process one: {mismatch}")
                : 0;
        });

        return command;
    }

    private static string[] ParseOps(string value)
    {
        var ops = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(o => o.ToLowerInvariant()).Distinct().ToArray();
        if (ops.Length == 0)
        {
            throw new CliException($"--ops names no operation ('{value}'); expected a comma-separated list of search, cluster, mine");
        }

        if (ops.FirstOrDefault(o => !KnownOps.Contains(o)) is { } unknown)
        {
            throw new CliException($"--ops: unknown operation '{unknown}'; expected a comma-separated list of search, cluster, mine");
        }

        return ops;
    }

    private static StoragePrecision ParsePrecision(string value)
    {
        try
        {
            return StoragePrecisionNames.Parse(value);
        }
        catch (ArgumentException)
        {
            throw new CliException($"--precision must be float32 or float16, not '{value}'");
        }
    }
}
