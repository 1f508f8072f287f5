using System.CommandLine;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.Commands.Corpus.Sources;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl mine</c>: paraphrase mining, the most similar pairs of rows, as JSON lines; in process, or with
/// <c>--cluster</c> as tiles on the silos over a temporary corpus of the rows.
/// </summary>
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
        var cluster = new TemporaryCorpusArguments();
        var command = new Command("mine", "Paraphrase mining: one JSON line per pair, {\"score\": s, \"i\": i, \"j\": j} with i < j, best pair first.")
        {
            embeddings, topK, maxPairs, metric, threads, output,
        };
        cluster.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var pairsWanted = EmbeddingInputs.AtLeastOne(parse.GetValue(maxPairs), "--max-pairs");
            var function = EmbeddingInputs.ParseMetric(parse.GetRequiredValue(metric));
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var path = parse.GetRequiredValue(embeddings);

            (double Score, long First, long Second)[] pairs;
            if (cluster.Connection(parse) is not { } connection)
            {
                var rows = EmbeddingInputs.Read(path, "--embeddings");
                pairs = [.. ParaphraseMiner.Mine(rows, k, pairsWanted, function, kernels, cancellationToken).Select(p => (p.Score, (long)p.First, (long)p.Second))];
            }
            else
            {
                EmbeddingInputs.RequireInProcess(parse, threads);
                var rows = new NpyFileSource(path, CorpusSources.DefaultBatchSize);
                var scoring = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
                var mined = await cluster.RunAsync(
                    parse, connection, DeviceClass.Cpu, "mine", rows, null,
                    (session, name) => TerminalProgress.RunAsync($"mine {path}", sink => session.Client.CorpusOperations.MineAsync(
                        name, k, pairsWanted, scoring, new OperationBar(sink), cancellationToken)),
                    cancellationToken);
                pairs = [.. mined.Select(p => (p.Score, p.First, p.Second))];
            }

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var (score, first, second) in pairs)
            {
                lines.WritePair(score, first, second);
            }

            return 0;
        });

        return command;
    }
}
