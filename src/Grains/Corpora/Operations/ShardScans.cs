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
    /// lists come from one pass over each pair's score: both shards' from one pass over their scores
    /// (<see cref="ThresholdNeighbours.ScanBoth"/>), a shard's own from the upper triangle (<see cref="ThresholdNeighbours.ScanTriangle"/>).
    /// </summary>
    public static TileNeighbours Tile(ScanRows own, ScanRows other, bool diagonal, TileJob job, KernelOptions options, CancellationToken cancellationToken)
    {
        if (job.Kind is not (TileKind.TopK or TileKind.Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(job), job.Kind, null);
        }

        var function = job.Kind == TileKind.Threshold ? SimilarityFunction.Cosine : job.Function.ToKernel();
        using var left = new PreparedRows(own.Rows, function, "rows", options);
        if (diagonal && job.Kind == TileKind.Threshold)
        {
            var lists = ThresholdNeighbours.ScanTriangle(left, job.Threshold, minSize: 1, options, cancellationToken);
            return new TileNeighbours(ListsOf.Pack(lists, own.IdOf, own.IdOf), NeighbourLists.Empty);
        }

        if (diagonal)
        {
            var lists = NeighbourScan.TopK(left, left, job.TopK, excludeSelf: true, options, cancellationToken);
            return new TileNeighbours(ListsOf.Pack(lists, own.IdOf, own.IdOf), NeighbourLists.Empty);
        }

        using var right = new PreparedRows(other.Rows, function, "rows", options);
        if (job.Kind == TileKind.Threshold)
        {
            var (ownLists, otherLists) = ThresholdNeighbours.ScanBoth(left, right, job.Threshold, options, cancellationToken);
            return new TileNeighbours(ListsOf.Pack(ownLists, own.IdOf, other.IdOf), ListsOf.Pack(otherLists, other.IdOf, own.IdOf));
        }

        return new TileNeighbours(
            ListsOf.Pack(NeighbourScan.TopK(left, right, job.TopK, excludeSelf: false, options, cancellationToken), own.IdOf, other.IdOf),
            ListsOf.Pack(NeighbourScan.TopK(right, left, job.TopK, excludeSelf: false, options, cancellationToken), other.IdOf, own.IdOf));
    }
}
