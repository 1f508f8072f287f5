using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl search</c>: the top-k corpus rows for each query, as JSON lines.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var corpus = EmbeddingInputs.RequiredPath("--corpus", "Corpus embeddings (.npy, rows × dims)");
        var queries = EmbeddingInputs.RequiredPath("--queries", "Query embeddings (.npy, rows × dims)");
        var topK = new Option<int>("--top-k", "-k") { Description = "Hits per query", DefaultValueFactory = _ => SemanticSearch.DefaultTopK };
        var metric = EmbeddingInputs.Metric();
        var threads = EmbeddingInputs.Threads();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command("search", "Top-k semantic search: one JSON line per query, {\"query\": i, \"hits\": [{\"id\": j, \"score\": s}]}, best hit first.")
        {
            corpus, queries, topK, metric, threads, output,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var function = EmbeddingInputs.ParseMetric(parse.GetRequiredValue(metric));
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var corpusPath = parse.GetRequiredValue(corpus);
            var queriesPath = parse.GetRequiredValue(queries);
            var corpusRows = EmbeddingInputs.Read(corpusPath, "--corpus");
            var queryRows = EmbeddingInputs.Read(queriesPath, "--queries");
            EmbeddingInputs.EnsureSameDimensions(queryRows, queriesPath, corpusRows, corpusPath);

            var results = SemanticSearch.TopK(queryRows, corpusRows, k, function, kernels, cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            for (var q = 0; q < results.Length; q++)
            {
                lines.WriteHits(q, results[q].Select(h => ((long)h.CorpusId, h.Score)));
            }

            return Task.FromResult(0);
        });

        return command;
    }
}
