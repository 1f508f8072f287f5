using System.CommandLine;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.Commands.Corpus.Sources;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl search</c>: the top-k corpus rows for each query, as JSON lines; in process, or with <c>--cluster</c> on the
/// silos over a temporary corpus of the <c>--corpus</c> rows.
/// </summary>
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
        var cluster = new TemporaryCorpusArguments();
        var command = new Command("search", "Top-k semantic search: one JSON line per query, {\"query\": i, \"hits\": [{\"id\": j, \"score\": s}]}, best hit first.")
        {
            corpus, queries, topK, metric, threads, output,
        };
        cluster.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k");
            var function = EmbeddingInputs.ParseMetric(parse.GetRequiredValue(metric));
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var corpusPath = parse.GetRequiredValue(corpus);
            var queriesPath = parse.GetRequiredValue(queries);
            var connection = cluster.Connection(parse);
            var queryRows = EmbeddingInputs.Read(queriesPath, "--queries");

            IEnumerable<(long Id, double Score)>[] hits;
            if (connection is null)
            {
                var corpusRows = EmbeddingInputs.Read(corpusPath, "--corpus");
                EmbeddingInputs.EnsureSameDimensions(queryRows, queriesPath, corpusRows, corpusPath);
                hits = [.. SemanticSearch.TopK(queryRows, corpusRows, k, function, kernels, cancellationToken).Select(q => q.Select(h => ((long)h.CorpusId, h.Score)))];
            }
            else
            {
                EmbeddingInputs.RequireInProcess(parse, threads);
                var rows = new NpyFileSource(corpusPath, CorpusSources.DefaultBatchSize, "--corpus");
                if (rows.Dimension != queryRows.Columns)
                {
                    rows.Dispose();
                    throw new CliException($"{queriesPath} has {queryRows.Columns} dimensions but {corpusPath} has {rows.Dimension}");
                }

                var queryMatrix = new FloatMatrix(queryRows.Rows, queryRows.Columns, queryRows.Buffer);
                var scoring = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
                var found = await cluster.RunAsync(
                    parse, connection, DeviceClass.Cpu, "search", rows, null,
                    (session, name) => session.Client.CorpusOperations.SearchAsync(name, queryMatrix, k, scoring, cancellationToken),
                    cancellationToken);
                hits = [.. found.Select(q => q.Select(h => (h.Row, h.Score)))];
            }

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            for (var q = 0; q < hits.Length; q++)
            {
                lines.WriteHits(q, hits[q]);
            }

            return 0;
        });

        return command;
    }
}
