using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Rows;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>Reads one shard's rows in id order, a chunk at a time, for an export that merges every shard's rows by id.</summary>
internal sealed class ShardCursor(IShardGrain shard, int chunkRows)
{
    private CorpusRows? _chunk;
    private int _at;
    private long _from;
    private bool _done;

    /// <summary>The id of this shard's next row, or <see cref="long.MaxValue"/> once it has none left.</summary>
    public async ValueTask<long> PeekAsync(CancellationToken cancellationToken)
    {
        if (_chunk is null || _at == _chunk.Count)
        {
            if (_done)
            {
                return long.MaxValue;
            }

            _chunk = await RetryPolicy.Default.RunAsync(_ => shard.ReadRowsAsync(_from, chunkRows), cancellationToken);
            _at = 0;
            if (_chunk.Count == 0)
            {
                _done = true;
                return long.MaxValue;
            }

            _from = _chunk.Ids[^1] + 1;
        }

        return _chunk.Ids[_at];
    }

    /// <summary>The run of consecutive rows from the next one on, below <paramref name="end"/>, as float32 (widened from float16); call after <see cref="PeekAsync"/>.</summary>
    public FloatMatrix TakeRun(long end)
    {
        var chunk = _chunk!;
        var count = 1;
        while (_at + count < chunk.Count && chunk.Ids[_at + count] == chunk.Ids[_at] + count && chunk.Ids[_at + count] < end)
        {
            count++;
        }

        var values = new float[count * chunk.Dimension];
        chunk.CopyTo(_at, count, values);
        _at += count;
        return new FloatMatrix(count, chunk.Dimension, values);
    }
}
