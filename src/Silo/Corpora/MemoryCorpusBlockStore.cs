using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Corpora.Storage;

namespace Similarity.Silo.Corpora;

/// <summary>
/// The block store of embedded silos: blocks in this process's memory, gone with it. The store keeps the very blocks
/// the shards cache (they are immutable), so an embedded corpus takes its rows' memory once. Silos of one process with
/// the same cluster id share one store (<see cref="Shared"/>), so a shard that activates on another of them finds its rows.
/// </summary>
public sealed class MemoryCorpusBlockStore : ICorpusBlockStore
{
    private static readonly Dictionary<string, WeakReference<MemoryCorpusBlockStore>> ByCluster = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<long, Entry>> _corpora = new(StringComparer.Ordinal);

    /// <summary>The store of the silos of cluster <paramref name="clusterId"/> in this process, made on first use (kept while a silo holds it).</summary>
    public static MemoryCorpusBlockStore Shared(string clusterId)
    {
        lock (ByCluster)
        {
            if (ByCluster.TryGetValue(clusterId, out var weak) && weak.TryGetTarget(out var store))
            {
                return store;
            }

            store = new MemoryCorpusBlockStore();
            ByCluster[clusterId] = new WeakReference<MemoryCorpusBlockStore>(store);
            return store;
        }
    }

    public Task<bool> AppendAsync(string corpus, int shard, StoredBlock block, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_corpora.TryGetValue(corpus, out var blocks))
            {
                _corpora[corpus] = blocks = [];
            }

            return Task.FromResult(blocks.TryAdd(block.Rows.FirstRow, new Entry(shard, block)));
        }
    }

    public Task<IReadOnlyList<RowBlock>> ReadShardAsync(string corpus, int shard, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<RowBlock> rows = _corpora.TryGetValue(corpus, out var blocks)
                ? blocks.Values.Where(e => e.Shard == shard).Select(e => e.Block.Rows).ToArray()
                : [];
            return Task.FromResult(rows);
        }
    }

    public Task<string?[]> ReadTextsAsync(string corpus, IReadOnlyList<long> rows, CancellationToken cancellationToken)
    {
        var texts = new string?[rows.Count];
        lock (_lock)
        {
            if (_corpora.TryGetValue(corpus, out var blocks))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    texts[i] = TextOf(blocks, rows[i]);
                }
            }
        }

        return Task.FromResult(texts);
    }

    public Task DiscardIngestAsync(string corpus, int shard, Guid ingest, CancellationToken cancellationToken) =>
        Remove(corpus, e => e.Shard == shard && e.Block.Rows.Ingest == ingest);

    public Task DeleteShardAsync(string corpus, int shard, CancellationToken cancellationToken) => Remove(corpus, e => e.Shard == shard);

    private Task Remove(string corpus, Func<Entry, bool> doomed)
    {
        lock (_lock)
        {
            if (_corpora.TryGetValue(corpus, out var blocks))
            {
                foreach (var firstRow in blocks.Where(b => doomed(b.Value)).Select(b => b.Key).ToArray())
                {
                    blocks.Remove(firstRow);
                }

                if (blocks.Count == 0)
                {
                    _corpora.Remove(corpus);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The text of <paramref name="row"/>: in the last block starting at or before it, if that block reaches it.</summary>
    private static string? TextOf(SortedList<long, Entry> blocks, long row)
    {
        var keys = blocks.Keys;
        int low = 0, high = keys.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (keys[middle] <= row)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var block = blocks.Values[found].Block;
        return row < block.Rows.EndRow ? block.Texts?[row - block.Rows.FirstRow] : null;
    }

    private sealed record Entry(int Shard, StoredBlock Block);
}
