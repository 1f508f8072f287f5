using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>
/// Gathers the runs a corpus export hands over (<see cref="CorpusExport"/>) into blocks of a fixed number of rows, so work
/// done a block at a time sees even-sized blocks whatever the batches were; each block goes to the sink with the id of
/// its first row. Holds one block at most: memory stays bounded however many rows pass through.
/// </summary>
internal sealed class RowBlocks(int width, int blockRows, Func<FloatMatrix, long, CancellationToken, ValueTask> sink)
{
    private float[]? _values;
    private int _count;
    private long _first;

    /// <summary>Adds a run of rows (the next ids in order), handing on every block it fills.</summary>
    public async ValueTask AddAsync(FloatMatrix run, CancellationToken cancellationToken)
    {
        var at = 0;
        while (at < run.Rows)
        {
            _values ??= new float[blockRows * width];
            var take = Math.Min(blockRows - _count, run.Rows - at);
            run.Values.AsSpan(at * width, take * width).CopyTo(_values.AsSpan(_count * width));
            _count += take;
            at += take;
            if (_count == blockRows)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Hands on the rows gathered so far (the last, shorter block), if any.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            return;
        }

        // The block is handed over (grain calls in this silo keep it without copying): the next block gets new values.
        var values = _count == blockRows ? _values! : _values.AsSpan(0, _count * width).ToArray();
        var block = new FloatMatrix(_count, width, values);
        _values = null;
        var first = _first;
        _first += _count;
        _count = 0;
        await sink(block, first, cancellationToken);
    }
}
