using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl score</c>: similarity scores of two embedding sets, all-vs-all or row by row, as .npy.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var a = EmbeddingInputs.RequiredPath("--a", "Left embeddings (.npy, rows × dims)");
        var b = EmbeddingInputs.RequiredPath("--b", "Right embeddings (.npy, rows × dims)");
        var metric = EmbeddingInputs.Metric();
        var pairwise = new Option<bool>("--pairwise") { Description = "Score row i of A against row i of B only (shapes must match): a 1-D array" };
        var threads = EmbeddingInputs.Threads();
        var output = CommandOutput.Option("the .npy scores");
        var command = new Command("score", "Score embeddings: an [na, nb] all-vs-all matrix, or [n] row-wise scores with --pairwise.")
        {
            a, b, metric, pairwise, threads, output,
        };

        command.SetAction(parse =>
        {
            var function = EmbeddingInputs.ParseMetric(parse.GetRequiredValue(metric));
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var aPath = parse.GetRequiredValue(a);
            var bPath = parse.GetRequiredValue(b);
            var left = EmbeddingInputs.Read(aPath, "--a");
            var right = EmbeddingInputs.Read(bPath, "--b");
            EmbeddingInputs.EnsureSameDimensions(left, aPath, right, bPath);

            if (parse.GetValue(pairwise))
            {
                if (left.Rows != right.Rows)
                {
                    throw new CliException($"--pairwise needs the same number of rows: {aPath} has {left.Rows}, {bPath} has {right.Rows}");
                }

                var scores = RowwiseScores.Compute(function, left, right);
                using var stream = CommandOutput.OpenStream(parse.GetValue(output));
                NpyFormat.WriteVector(stream, scores);
            }
            else
            {
                // Streamed band by band: the [na, nb] matrix is never held, and writing overlaps scoring.
                using var stream = CommandOutput.OpenStream(parse.GetValue(output));
                StreamedScores.WriteNpy(stream, function, left, right, kernels);
            }

            return 0;
        });

        return command;
    }
}
