using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Search;

/// <summary>
/// Top-k semantic search, as sentence-transformers' <c>util.semantic_search</c>: for each query, the k corpus rows
/// with the highest score, best first, ties to the lower corpus id. Scores are float64-exact; the N×M score
/// matrix is never held (tiles stream into bounded per-query heaps).
/// </summary>
public static class SemanticSearch
{
    public const int DefaultTopK = 10;

    /// <summary>Hits for every query row; each list has min(k, corpus rows) hits.</summary>
    public static SearchHit[][] TopK(
        EmbeddingMatrix queries,
        EmbeddingMatrix corpus,
        int topK = DefaultTopK,
        SimilarityFunction function = SimilarityFunction.Cosine,
        KernelOptions? options = null,
        CancellationToken cancellationToken = default) =>
        TopK(queries, corpus, topK, function, options, out _, cancellationToken);

    internal static SearchHit[][] TopK(
        EmbeddingMatrix queries,
        EmbeddingMatrix corpus,
        int topK,
        SimilarityFunction function,
        KernelOptions? options,
        out int exactRescans,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        options ??= KernelOptions.Default;
        options.Validate();
        if (queries.Rows > 0 && corpus.Rows > 0 && queries.Columns != corpus.Columns)
        {
            throw new ArgumentException($"Queries have {queries.Columns} dimensions but the corpus has {corpus.Columns}.");
        }

        var results = new SearchHit[queries.Rows][];
        using var prepared = new PreparedRows(queries, function, "queries", options);
        using var preparedCorpus = new PreparedRows(corpus, function, "corpus", options);

        // Few query blocks (e.g. one query against a large corpus): shard the corpus so every thread has work.
        var threads = options.Threads;
        var panelRows = options.PanelRows(queries.Columns);
        var panels = (queries.Rows + panelRows - 1) / panelRows;
        var shards = panels >= threads ? 1 : Math.Clamp(corpus.Rows / (4 * options.CorpusRows(queries.Columns)), 1, (threads + panels - 1) / Math.Max(1, panels));
        var shardRows = (corpus.Rows + shards - 1) / shards;
        options = options.WithPanelBudget(TopKWorker.BytesPerRow(topK, shardRows));
        panelRows = options.PanelRows(queries.Columns);
        var partial = shards == 1 ? null : new RankedHit[queries.Rows * shards][];

        var rescans = 0;
        var sync = new object();
        TileScanner.Run(
            prepared,
            preparedCorpus,
            options,
            shards,
            () => new SearchWorker(prepared, preparedCorpus, topK, panelRows, shardRows, results, partial, shards),
            worker =>
            {
                lock (sync)
                {
                    rescans += worker.ExactRescans;
                }
            },
            cancellationToken);

        if (partial is not null)
        {
            for (var q = 0; q < queries.Rows; q++)
            {
                results[q] = Merge(partial.AsSpan(q * shards, shards), topK);
            }
        }

        // Queries with no work item (empty corpus) still get an answer: no hits.
        for (var q = 0; q < results.Length; q++)
        {
            results[q] ??= [];
        }

        exactRescans = rescans;
        return results;
    }

    private static SearchHit[] Merge(ReadOnlySpan<RankedHit[]> shards, int topK)
    {
        var all = new List<RankedHit>();
        foreach (var shard in shards)
        {
            if (shard is not null)
            {
                all.AddRange(shard);
            }
        }

        all.Sort();
        var hits = new SearchHit[Math.Min(topK, all.Count)];
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] = new SearchHit(all[i].Id, all[i].Score);
        }

        return hits;
    }

    private sealed class SearchWorker(
        PreparedRows queries,
        PreparedRows corpus,
        int topK,
        int panelRows,
        int shardRows,
        SearchHit[][] results,
        RankedHit[][]? partial,
        int shards)
        : TopKWorker(queries, corpus, topK, excludeSelf: false, panelRows, shardRows)
    {
        protected override void Deliver(int query, int shard, ReadOnlySpan<RankedHit> hits)
        {
            if (partial is not null)
            {
                partial[query * shards + shard] = hits.ToArray();
                return;
            }

            var result = new SearchHit[hits.Length];
            for (var i = 0; i < hits.Length; i++)
            {
                result[i] = new SearchHit(hits[i].Id, hits[i].Score);
            }

            results[query] = result;
        }
    }
}
