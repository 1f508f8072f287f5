namespace Similarity.Grains.Contracts.Corpora.Rows;

/// <summary>
/// Rows of a corpus as they cross the cluster: their ids (row numbers in the order rows were added), ascending, and
/// their embeddings row-major in the corpus's storage precision, float32 or float16 (half the bytes on the wire). Never
/// changed after it is made; travels as byte blocks (<see cref="CorpusRowsSurrogate"/>).
/// </summary>
[Immutable]
public sealed class CorpusRows
{
    /// <summary>Float32 rows; <paramref name="values"/> is handed over, not copied.</summary>
    public CorpusRows(int dimension, long[] ids, float[] values)
        : this(dimension, ids, StoragePrecision.Float32, values.Length)
    {
        Single = values;
    }

    /// <summary>Float16 rows; <paramref name="values"/> is handed over, not copied.</summary>
    public CorpusRows(int dimension, long[] ids, Half[] values)
        : this(dimension, ids, StoragePrecision.Float16, values.Length)
    {
        Half = values;
    }

    private CorpusRows(int dimension, long[] ids, StoragePrecision precision, int values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentNullException.ThrowIfNull(ids);
        if (values != (long)ids.Length * dimension)
        {
            throw new ArgumentException($"{ids.Length} rows of {dimension} values need {(long)ids.Length * dimension} values, got {values}.");
        }

        Dimension = dimension;
        Ids = ids;
        Precision = precision;
    }

    public int Dimension { get; }

    public StoragePrecision Precision { get; }

    /// <summary>Row ids, ascending: row i of the values is row <c>Ids[i]</c> of the corpus.</summary>
    public long[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>The values when <see cref="Precision"/> is float32, else null.</summary>
    public float[]? Single { get; }

    /// <summary>The values when <see cref="Precision"/> is float16, else null.</summary>
    public Half[]? Half { get; }

    public static CorpusRows Empty(int dimension, StoragePrecision precision) =>
        precision == StoragePrecision.Float16 ? new(dimension, [], Array.Empty<Half>()) : new(dimension, [], Array.Empty<float>());

    /// <summary>
    /// Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 as float32 into
    /// <paramref name="destination"/>: copied, or widened from float16 (exact: every float16 is a float32).
    /// </summary>
    public void CopyTo(int start, int count, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        var from = start * Dimension;
        var length = count * Dimension;
        if (Single is { } single)
        {
            single.AsSpan(from, length).CopyTo(destination);
            return;
        }

        var half = Half!.AsSpan(from, length);
        destination = destination[..length];
        for (var i = 0; i < half.Length; i++)
        {
            destination[i] = (float)half[i];
        }
    }

    /// <summary>All rows as float32, row-major: the float32 values themselves, or a widened copy of float16 ones.</summary>
    public float[] ToSingle()
    {
        if (Single is { } single)
        {
            return single;
        }

        var values = new float[Half!.Length];
        CopyTo(0, Count, values);
        return values;
    }
}
