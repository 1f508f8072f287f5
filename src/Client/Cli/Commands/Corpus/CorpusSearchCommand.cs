using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus search NAME</c>: top-k search of a stored corpus on the silos, as <c>simctl search</c> writes it, with
/// the hits' texts. Queries are texts (encoded by the corpus's model on the silos) or embeddings, or with
/// <c>--against OTHER</c> every row of the corpus (query i = row i) against OTHER's rows, written a block of rows at a time.
/// </summary>
internal static class CorpusSearchCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var queries = new CorpusQueries();
        var against = new CorpusAgainst();
        var topK = new Option<int>("--top-k", "-k") { Description = "Hits per query", DefaultValueFactory = _ => SemanticSearch.DefaultTopK };
        var metric = EmbeddingInputs.Metric();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command(
            "search",
            "Top-k search of a stored corpus, scattered to its shards: one JSON line per query, {\"query\": i, \"hits\": [{\"id\": j, "
            + "\"score\": s, \"text\": ...}]}, best hit first (texts for rows added as texts). With --against OTHER: each row i of the "
            + "corpus is query i, searched in OTHER (hits and texts are OTHER's rows).");
        corpus.AddTo(command);
        queries.AddTo(command);
        against.AddTo(command);
        command.Options.Add(topK);
        command.Options.Add(metric);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var other = against.CheckedName(parse, queries);
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var function = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
            if (other is not null)
            {
                await using var pairs = await corpus.OpenAsync(parse, null, cancellationToken);
                await CorpusSearchAgainst.WriteAsync(pairs, name, other, k, function, against.AllowModelMismatch(parse), parse.GetValue(output), cancellationToken);
                return 0;
            }

            var read = await queries.ReadAsync(parse, cancellationToken);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var hits = await CorpusArguments.ExplainAsync(
                session, async () => await session.Client.CorpusOperations.SearchAsync(name, await read(session, name, cancellationToken), k, function, cancellationToken));
            var found = await CorpusRowTexts.ReadAsync(session, name, hits.SelectMany(h => h.Select(hit => hit.Row)), cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            for (var q = 0; q < hits.Length; q++)
            {
                lines.WriteHits(q, hits[q].Select(h => (h.Row, h.Score)), row => found[row]);
            }

            return 0;
        });
        return command;
    }
}
