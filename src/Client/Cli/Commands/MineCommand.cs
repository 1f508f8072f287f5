using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl mine</c>: paraphrase mining, the most similar pairs of rows, as JSON lines.</summary>
internal static class MineCommand
{
    public static Command Create()
    {
        var embeddings = EmbeddingInputs.RequiredPath("--embeddings", "Embeddings (.npy, rows × dims)");
        var topK = new Option<int>("--top-k", "-k") { Description = "Candidates per row", DefaultValueFactory = _ => ParaphraseMiner.DefaultTopK };
        var maxPairs = new Option<int>("--max-pairs") { Description = "Pairs to return at most", DefaultValueFactory = _ => ParaphraseMiner.DefaultMaxPairs };
        var metric = EmbeddingInputs.Metric();
        var threads = EmbeddingInputs.Threads();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command("mine", "Paraphrase mining: one JSON line per pair, {\"score\": s, \"i\": i, \"j\": j} with i < j, best pair first.")
        {
            embeddings, topK, maxPairs, metric, threads, output,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var pairsWanted = EmbeddingInputs.AtLeastOne(parse.GetValue(maxPairs), "--max-pairs");
            var function = EmbeddingInputs.ParseMetric(parse.GetRequiredValue(metric));
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var rows = EmbeddingInputs.Read(parse.GetRequiredValue(embeddings), "--embeddings");

            var pairs = ParaphraseMiner.Mine(rows, k, pairsWanted, function, kernels, cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var pair in pairs)
            {
                lines.WritePair(pair.Score, pair.First, pair.Second);
            }

            return Task.FromResult(0);
        });

        return command;
    }
}
