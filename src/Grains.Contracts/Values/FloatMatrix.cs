namespace Similarity.Grains.Contracts.Values;

/// <summary>
/// A dense row-major float32 matrix as it crosses the cluster: one row per input (an embedding, or a cross-encoder's
/// label probabilities). Never changed after it is made, so Orleans passes it between grains of one silo without copying;
/// on the wire it is one block of bytes (<see cref="FloatMatrixSurrogate"/>), not a field per value.
/// </summary>
[Immutable]
public sealed class FloatMatrix
{
    /// <summary>Wraps <paramref name="values"/> (not copied): the caller hands it over and must not change it afterwards.</summary>
    public FloatMatrix(int rows, int columns, float[] values, long? tokenCount = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {(long)rows * columns} values, got {values.Length}.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
        TokenCount = tokenCount;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>All values, row after row.</summary>
    public float[] Values { get; }

    /// <summary>Tokens the model read to compute these rows (OpenAI's <c>usage</c>), when the model counted them.</summary>
    public long? TokenCount { get; }

    public ReadOnlySpan<float> Row(int index)
    {
        if ((uint)index >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Row index must be in [0, {Rows}).");
        }

        return Values.AsSpan(index * Columns, Columns);
    }

    public static FloatMatrix Empty(int columns) => new(0, columns, []);
}
