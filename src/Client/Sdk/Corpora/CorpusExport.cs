using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>
/// A corpus's rows 0 to rows - 1 in the order they were added: the shards' rows merged by id, run by run (a shard holds
/// whole batches, so each run is a batch). A missing row means a shard lost rows it had stored: an error naming the row.
/// </summary>
internal static class CorpusExport
{
    /// <summary>Rows each shard read returns (a few megabytes of 384-value rows).</summary>
    private const int ChunkRows = 4096;

    public static async Task<long> RunAsync(
        IGrainFactory grains, CorpusInfo corpus, Func<FloatMatrix, CancellationToken, ValueTask> sink, CancellationToken cancellationToken)
    {
        var cursors = corpus.Shards
            .Select(s => new ShardCursor(grains.GetGrain<IShardGrain>(new ShardKey(corpus.Name, s.Index).ToString()), ChunkRows))
            .ToArray();
        long next = 0;
        while (next < corpus.Rows)
        {
            ShardCursor? holder = null;
            foreach (var cursor in cursors)
            {
                if (await cursor.PeekAsync(cancellationToken) == next)
                {
                    holder = cursor;
                    break;
                }
            }

            if (holder is null)
            {
                throw new InvalidDataException($"corpus '{corpus.Name}' has {corpus.Rows} rows but no shard holds row {next}");
            }

            var run = holder.TakeRun(corpus.Rows);
            await sink(run, cancellationToken);
            next += run.Rows;
        }

        return next;
    }
}
