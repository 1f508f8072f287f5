using System.CommandLine;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus mine NAME</c>: paraphrase mining on the silos, as <c>simctl mine</c> writes it, with the pairs' texts.</summary>
internal static class CorpusMineCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var topK = new Option<int>("--top-k", "-k") { Description = "Candidates per row", DefaultValueFactory = _ => ParaphraseMiner.DefaultTopK };
        var maxPairs = new Option<int>("--max-pairs") { Description = "Pairs to return at most", DefaultValueFactory = _ => ParaphraseMiner.DefaultMaxPairs };
        var metric = EmbeddingInputs.Metric();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command(
            "mine",
            "Paraphrase mining over a stored corpus, as tiles on the silos: one JSON line per pair, {\"score\": s, \"i\": i, \"j\": j, "
            + "\"text_i\": ..., \"text_j\": ...} with i < j, best pair first (texts for rows added as texts). Progress on stderr.");
        corpus.AddTo(command);
        command.Options.Add(topK);
        command.Options.Add(maxPairs);
        command.Options.Add(metric);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var pairsWanted = EmbeddingInputs.AtLeastOne(parse.GetValue(maxPairs), "--max-pairs");
            var function = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var pairs = await CorpusArguments.ExplainAsync(session, () => TerminalProgress.RunAsync(
                $"mine {name}", sink => session.Client.CorpusOperations.MineAsync(name, k, pairsWanted, function, new OperationBar(sink), cancellationToken)));
            var texts = await CorpusRowTexts.ReadAsync(session, name, pairs.SelectMany(p => new[] { p.First, p.Second }), cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var pair in pairs)
            {
                lines.WritePair(pair.Score, pair.First, pair.Second, row => texts[row]);
            }

            return 0;
        });
        return command;
    }
}
