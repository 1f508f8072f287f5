using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Search;

/// <summary>
/// Each query row's exact top-k corpus rows as ranked lists (score descending, lower id first), self excluded when
/// both sides are the same rows: what a distributed tile of paraphrase mining computes for one pair of shards.
/// </summary>
internal static class NeighbourScan
{
    /// <summary>
    /// The top <paramref name="topK"/> rows of <paramref name="corpus"/> for every row of <paramref name="queries"/>;
    /// with <paramref name="excludeSelf"/> (the same rows on both sides) a row never lists itself.
    /// </summary>
    public static RankedHit[][] TopK(
        PreparedRows queries, PreparedRows corpus, int topK, bool excludeSelf, KernelOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var results = new RankedHit[queries.Count][];
        options = options.WithPanelBudget(TopKWorker.BytesPerRow(topK, corpus.Count));
        var panelRows = options.PanelRows(queries.Dimensions);
        TileScanner.Run(
            queries,
            corpus,
            options,
            corpusShards: 1,
            () => new ListWorker(queries, corpus, topK, excludeSelf, panelRows, results),
            finishWorker: null,
            cancellationToken);
        for (var q = 0; q < results.Length; q++)
        {
            results[q] ??= [];
        }

        return results;
    }

    private sealed class ListWorker(PreparedRows queries, PreparedRows corpus, int topK, bool excludeSelf, int panelRows, RankedHit[][] results)
        : TopKWorker(queries, corpus, topK, excludeSelf, panelRows, corpus.Count)
    {
        protected override void Deliver(int query, int shard, ReadOnlySpan<RankedHit> hits) => results[query] = hits.ToArray();
    }
}
