using System.Buffers;
using System.Runtime.ExceptionServices;
using Similarity.Grains.Kernels.Panels;

namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// Streams query × corpus scores tile by tile to per-thread workers, so top-k and threshold searches never hold
/// more than one tile (query block × corpus block floats) per thread. Work items are panels of query rows, crossed
/// with shards of the corpus when there are too few panels to keep every thread busy. A scan of rows against themselves
/// can cover only the upper triangle: each panel scans the corpus rows from its own first row on.
/// </summary>
internal static unsafe class TileScanner
{
    public static void Run<TWorker>(
        PreparedRows queries,
        PreparedRows corpus,
        KernelOptions options,
        int corpusShards,
        Func<TWorker> createWorker,
        Action<TWorker>? finishWorker,
        CancellationToken cancellationToken,
        bool upperTriangle = false)
        where TWorker : TileWorker
    {
        options.Validate();
        if (upperTriangle && !ReferenceEquals(queries, corpus))
        {
            throw new ArgumentException("Only rows scanned against themselves have an upper triangle.", nameof(upperTriangle));
        }

        if (queries.Count > 0 && corpus.Count > 0 && queries.Dimensions != corpus.Dimensions)
        {
            throw new ArgumentException($"Queries have {queries.Dimensions} dimensions but the corpus has {corpus.Dimensions}.");
        }

        var layout = new Layout(options.QueryRows(queries.Dimensions), options.PanelRows(queries.Dimensions), options.CorpusRows(queries.Dimensions));
        layout = layout with { PanelRows = options.BalancedPanelRows(queries.Count, queries.Dimensions) };
        var panels = (queries.Count + layout.PanelRows - 1) / layout.PanelRows;
        var shards = Math.Max(1, corpusShards);
        var shardRows = (corpus.Count + shards - 1) / shards;
        if (panels == 0)
        {
            return;
        }

        var parallel = options.ParallelOptions();
        parallel.CancellationToken = cancellationToken;
        try
        {
            Parallel.For(
                0,
                (long)panels * shards,
                parallel,
                () => (
                    Worker: createWorker(),
                    Tile: ArrayPool<float>.Shared.Rent(layout.QueryRows * layout.CorpusRows),
                    Queries: ArrayPool<float>.Shared.Rent((int)PanelPacker.Length(layout.PanelRows, PanelScores.LeftWidth, queries.Dimensions))),
                (item, _, local) =>
                {
                    var queryStart = (int)(item / shards) * layout.PanelRows;
                    var shard = (int)(item % shards);
                    var corpusStart = (int)Math.Min((long)shard * shardRows, corpus.Count);
                    var corpusEnd = (int)Math.Min((long)corpusStart + shardRows, corpus.Count);
                    corpusStart = upperTriangle ? Math.Clamp(queryStart, corpusStart, corpusEnd) : corpusStart;
                    var worker = local.Worker;
                    worker.Begin(queryStart, Math.Min(layout.PanelRows, queries.Count - queryStart), shard, corpusStart, corpusEnd);
                    ScanItem(queries, corpus, layout, worker, local.Tile, local.Queries, corpusStart, corpusEnd, cancellationToken);
                    worker.EndBlock();
                    return local;
                },
                local =>
                {
                    ArrayPool<float>.Shared.Return(local.Tile);
                    ArrayPool<float>.Shared.Return(local.Queries);
                    finishWorker?.Invoke(local.Worker);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private static void ScanItem(
        PreparedRows queries,
        PreparedRows corpus,
        Layout layout,
        TileWorker worker,
        float[] tile,
        float[] queryPanels,
        int corpusStart,
        int corpusEnd,
        CancellationToken cancellationToken)
    {
        var (queryStart, queryCount) = worker.Panel;
        var d = queries.Dimensions;
        queries.PackQueries(queryStart, queryCount, queryPanels);
        fixed (float* tilePointer = tile, panels = queryPanels)
        {
            for (var blockStart = corpusStart; blockStart < corpusEnd; blockStart += layout.CorpusRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var width = Math.Min(layout.CorpusRows, corpusEnd - blockStart);

                // This corpus block stays in L2 while the panel's query tiles pass over it.
                for (var first = 0; first < queryCount; first += layout.QueryRows)
                {
                    var rows = Math.Min(layout.QueryRows, queryCount - first);
                    PanelScores.Compute(queries.Kernel, panels + (nint)first * d, rows, corpus.Panels, blockStart, width, d, tilePointer, width);
                    for (var row = 0; row < rows; row++)
                    {
                        worker.Consume(first + row, blockStart, tile.AsSpan(row * width, width));
                    }
                }
            }
        }
    }

    private readonly record struct Layout(int QueryRows, int PanelRows, int CorpusRows);
}
