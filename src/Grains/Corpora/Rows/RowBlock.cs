using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Grains.Corpora.Rows;

/// <summary>
/// A block of consecutive rows of a shard, as stored and as cached: rows <see cref="FirstRow"/> to <see cref="EndRow"/>
/// - 1 of the corpus, row-major, <see cref="Dimension"/> values each, in float32 or float16 (one array, no ids: the ids
/// are consecutive), with the add and batch sequence number they came in. Never changed once made, so readers and
/// kernels use it without locks and the in-memory store can keep the very same arrays.
/// </summary>
public sealed class RowBlock
{
    private readonly float[]? _single;
    private readonly Half[]? _half;

    /// <summary>A float32 block over <paramref name="values"/> (handed over, not copied).</summary>
    public RowBlock(long firstRow, Guid ingest, long sequence, int dimension, float[] values)
        : this(firstRow, ingest, sequence, dimension, values.Length, StoragePrecision.Float32)
    {
        _single = values;
    }

    /// <summary>A float16 block over <paramref name="values"/> (handed over, not copied).</summary>
    public RowBlock(long firstRow, Guid ingest, long sequence, int dimension, Half[] values)
        : this(firstRow, ingest, sequence, dimension, values.Length, StoragePrecision.Float16)
    {
        _half = values;
    }

    private RowBlock(long firstRow, Guid ingest, long sequence, int dimension, int values, StoragePrecision precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values % dimension != 0 || values == 0)
        {
            throw new ArgumentException($"a block of {dimension}-value rows cannot hold {values} values");
        }

        FirstRow = firstRow;
        Ingest = ingest;
        Sequence = sequence;
        Dimension = dimension;
        Count = values / dimension;
        Precision = precision;
    }

    /// <summary>The corpus row id of the block's first row; its rows have ids <see cref="FirstRow"/>, <see cref="FirstRow"/> + 1, ...</summary>
    public long FirstRow { get; }

    /// <summary>One past the id of the block's last row.</summary>
    public long EndRow => FirstRow + Count;

    public int Count { get; }

    public int Dimension { get; }

    public StoragePrecision Precision { get; }

    /// <summary>The add the block came with.</summary>
    public Guid Ingest { get; }

    /// <summary>The batch sequence number it came with (unique in its corpus).</summary>
    public long Sequence { get; }

    /// <summary>The float32 values, row-major; only for a float32 block.</summary>
    public ReadOnlySpan<float> Single => _single ?? throw new InvalidOperationException("a float16 block has no float32 values; use CopyTo or Half");

    /// <summary>The float16 values, row-major; only for a float16 block.</summary>
    public ReadOnlySpan<Half> Half => _half ?? throw new InvalidOperationException("a float32 block has no float16 values; use Single");

    /// <summary>The first <paramref name="count"/> rows' float32 values, for kernels that read them in place; only for a float32 block.</summary>
    internal ReadOnlyMemory<float> SingleRows(int count) =>
        (_single ?? throw new InvalidOperationException("a float16 block has no float32 values")).AsMemory(0, Range(0, count).Length);

    /// <summary>The first <paramref name="count"/> rows' float16 values, for kernels that read them in place; only for a float16 block.</summary>
    internal ReadOnlyMemory<Half> HalfRows(int count) =>
        (_half ?? throw new InvalidOperationException("a float32 block has no float16 values")).AsMemory(0, Range(0, count).Length);

    /// <summary>Bytes the values take in memory.</summary>
    public long CachedBytes => (long)Count * Dimension * Precision.BytesPerValue();

    /// <summary>The rows of an append, narrowed to <paramref name="precision"/>.</summary>
    public static RowBlock Of(long firstRow, Guid ingest, long sequence, int dimension, float[] values, StoragePrecision precision) =>
        precision == StoragePrecision.Float16
            ? new RowBlock(firstRow, ingest, sequence, dimension, Float16Rows.Narrow(values))
            : new RowBlock(firstRow, ingest, sequence, dimension, values);

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 (block-relative) as float32 (widened from float16).</summary>
    public void CopyTo(int start, int count, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        var values = Range(start, count);
        if (_single is not null)
        {
            _single.AsSpan(values.Start, values.Length).CopyTo(destination);
        }
        else
        {
            Float16Rows.Widen(_half.AsSpan(values.Start, values.Length), destination[..values.Length]);
        }
    }

    /// <summary>Rows <paramref name="start"/> .. + <paramref name="count"/> - 1 (block-relative) in the block's own precision.</summary>
    public void CopyTo(int start, int count, Span<float> singles, Span<Half> halves)
    {
        var values = Range(start, count);
        if (_single is not null)
        {
            _single.AsSpan(values.Start, values.Length).CopyTo(singles);
        }
        else
        {
            _half.AsSpan(values.Start, values.Length).CopyTo(halves);
        }
    }

    /// <summary>The values as bytes (little-endian on every machine .NET runs these silos on): what storage writes.</summary>
    public ReadOnlySpan<byte> Bytes => _single is not null
        ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(_single.AsSpan())
        : System.Runtime.InteropServices.MemoryMarshal.AsBytes(_half.AsSpan());

    private (int Start, int Length) Range(int start, int count) => (start * Dimension, count * Dimension);
}
