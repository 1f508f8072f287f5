using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// Streams query × corpus scores tile by tile to per-thread workers, so top-k and threshold searches
/// never hold more than one tile (QueryBlockRows × CorpusBlockRows floats) per thread. Work items are
/// blocks of query rows, optionally crossed with shards of the corpus when there are too few query blocks
/// to keep every thread busy.
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
        CancellationToken cancellationToken)
        where TWorker : TileWorker
    {
        options.Validate();
        if (queries.Count > 0 && corpus.Count > 0 && queries.Dimensions != corpus.Dimensions)
        {
            throw new ArgumentException($"Queries have {queries.Dimensions} dimensions but the corpus has {corpus.Dimensions}.");
        }

        var queryBlock = options.QueryBlockRows;
        var corpusBlock = options.CorpusBlockRows;
        var blocks = (queries.Count + queryBlock - 1) / queryBlock;
        var shards = Math.Max(1, corpusShards);
        var shardRows = (corpus.Count + shards - 1) / shards;
        if (blocks == 0)
        {
            return;
        }

        var parallel = options.ParallelOptions();
        parallel.CancellationToken = cancellationToken;
        try
        {
            Parallel.For(
                0,
                (long)blocks * shards,
                parallel,
                () => (Worker: createWorker(), Tile: ArrayPool<float>.Shared.Rent(queryBlock * corpusBlock)),
                (item, _, local) =>
                {
                    var queryStart = (int)(item / shards) * queryBlock;
                    var shard = (int)(item % shards);
                    var corpusStart = (int)Math.Min((long)shard * shardRows, corpus.Count);
                    var corpusEnd = (int)Math.Min((long)corpusStart + shardRows, corpus.Count);
                    ScanItem(
                        queries, corpus, queryStart, Math.Min(queryBlock, queries.Count - queryStart), shard, corpusStart, corpusEnd, corpusBlock, local.Worker, local.Tile, cancellationToken);
                    return local;
                },
                local =>
                {
                    ArrayPool<float>.Shared.Return(local.Tile);
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
        int queryStart,
        int queryCount,
        int shard,
        int corpusStart,
        int corpusEnd,
        int corpusBlock,
        TileWorker worker,
        float[] tile,
        CancellationToken cancellationToken)
    {
        worker.BeginBlock(queryStart, queryCount, shard, corpusStart, corpusEnd);
        fixed (float* tilePointer = tile)
        {
            for (var blockStart = corpusStart; blockStart < corpusEnd; blockStart += corpusBlock)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var width = Math.Min(corpusBlock, corpusEnd - blockStart);
                ScoreTiles.Compute(
                    queries.Kernel, queries.Row(queryStart), queryCount, corpus.Row(blockStart), width, queries.Dimensions, tilePointer, width);
                for (var row = 0; row < queryCount; row++)
                {
                    worker.Consume(row, blockStart, tile.AsSpan(row * width, width));
                }
            }
        }

        worker.EndBlock();
    }
}
