using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// What a shard computes for distributed operations, as pure functions of rows: the exact (float64-ranked) kernels of
/// in-process search, mining and community detection, run over a shard or a pair of shards, lists in corpus row ids.
/// </summary>
internal static class ShardScans
{
    /// <summary>Each query's top <paramref name="topK"/> rows of <paramref name="shard"/>; list i = query i.</summary>
    public static NeighbourLists Search(EmbeddingMatrix queries, ScanRows shard, int topK, ScoreFunction function, KernelOptions options, CancellationToken cancellationToken)
    {
        using var prepared = new PreparedRows(queries, function.ToKernel(), "queries", options);
        using var corpus = new PreparedRows(shard.Rows, function.ToKernel(), "corpus", options);
        var lists = NeighbourScan.TopK(prepared, corpus, topK, excludeSelf: false, options, cancellationToken);
        return ListsOf.Pack(lists, q => q, shard.IdOf);
    }

    /// <summary>
    /// Tile <paramref name="own"/> × <paramref name="other"/>: each side's rows listed against the other side's
    /// (once when <paramref name="diagonal"/>: a shard against itself, a row never its own top-k neighbour). Threshold
    /// lists of two shards come from one pass over their scores (<see cref="ThresholdNeighbours.ScanBoth"/>), a shard's own from
    /// one pass over the upper triangle of its scores (<see cref="ThresholdNeighbours.ScanTriangle"/>).
    /// </summary>
    public static TileNeighbours Tile(ScanRows own, ScanRows other, bool diagonal, TileJob job, KernelOptions options, CancellationToken cancellationToken)
    {
        var function = job.Kind == TileKind.Threshold ? SimilarityFunction.Cosine : job.Function.ToKernel();
        using var left = new PreparedRows(own.Rows, function, "rows", options);
        if (diagonal)
        {
            return new TileNeighbours(List(left, left, own, own, job, diagonal: true, options, cancellationToken), NeighbourLists.Empty);
        }

        using var right = new PreparedRows(other.Rows, function, "rows", options);
        if (job.Kind == TileKind.Threshold)
        {
            var (ownLists, otherLists) = ThresholdNeighbours.ScanBoth(left, right, job.Threshold, options, cancellationToken);
            return new TileNeighbours(ListsOf.Pack(ownLists, own.IdOf, other.IdOf), ListsOf.Pack(otherLists, other.IdOf, own.IdOf));
        }

        return new TileNeighbours(
            List(left, right, own, other, job, diagonal: false, options, cancellationToken),
            List(right, left, other, own, job, diagonal: false, options, cancellationToken));
    }

    private static NeighbourLists List(
        PreparedRows rows, PreparedRows against, ScanRows rowIds, ScanRows againstIds, TileJob job, bool diagonal, KernelOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<RankedHit[]?> lists = job.Kind switch
        {
            TileKind.TopK => NeighbourScan.TopK(rows, against, job.TopK, excludeSelf: diagonal, options, cancellationToken),
            TileKind.Threshold when diagonal => ThresholdNeighbours.ScanTriangle(rows, job.Threshold, minSize: 1, options, cancellationToken),
            TileKind.Threshold => ThresholdNeighbours.Scan(rows, against, job.Threshold, minSize: 1, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(job), job.Kind, null),
        };
        return ListsOf.Pack(lists, rowIds.IdOf, againstIds.IdOf);
    }
}
