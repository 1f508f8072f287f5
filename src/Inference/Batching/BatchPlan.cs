namespace Similarity.Inference.Batching;

/// <summary>
/// The result of <see cref="TokenBudgetBatcher.Plan(ReadOnlySpan{int}, int, int, BatchPlan)"/>: sequence indices sorted by
/// length (longest first, ties by index) and the batches cut from that order. Reusable: planning again overwrites it
/// without allocating once its buffers are large enough.
/// </summary>
public sealed class BatchPlan
{
    private readonly List<BatchSlice> _batches = [];
    private int[] _order = [];
    private long[] _keys = [];

    /// <summary>How many sequences were planned.</summary>
    public int Count { get; private set; }

    /// <summary>All sequence indices, longest first; each batch is a contiguous run of it.</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, Count);

    public IReadOnlyList<BatchSlice> Batches => _batches;

    /// <summary>The sequence indices of batch <paramref name="batch"/>.</summary>
    public ReadOnlySpan<int> Indices(int batch)
    {
        var slice = _batches[batch];
        return _order.AsSpan(slice.Start, slice.Count);
    }

    internal Span<long> Keys(int count)
    {
        if (_keys.Length < count)
        {
            _keys = new long[Math.Max(count, _keys.Length * 2)];
            _order = new int[_keys.Length];
        }

        Count = count;
        _batches.Clear();
        return _keys.AsSpan(0, count);
    }

    internal Span<int> WritableOrder => _order.AsSpan(0, Count);

    internal void Add(BatchSlice slice) => _batches.Add(slice);
}
