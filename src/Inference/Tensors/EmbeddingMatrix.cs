namespace Similarity.Inference.Tensors;

/// <summary>
/// A dense row-major float32 matrix: one row per input (an embedding, or a cross-encoder's label scores).
/// One contiguous buffer so results can be written to .npy, sent over the wire or fed to kernels without copying.
/// </summary>
public sealed class EmbeddingMatrix
{
    private readonly float[] _data;

    public EmbeddingMatrix(int rows, int columns)
        : this(rows, columns, new float[checked(rows * columns)])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    public EmbeddingMatrix(int rows, int columns, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {(long)rows * columns} values, got {data.Length}.", nameof(data));
        }

        Rows = rows;
        Columns = columns;
        _data = data;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Tokens the model read to compute these rows (OpenAI's <c>usage</c>), when whoever produced them counted; else null.</summary>
    public long? TokenCount { get; set; }

    /// <summary>All values, row after row.</summary>
    public Span<float> Data => _data;

    /// <summary>The backing array (row-major), for APIs that need an array.</summary>
    public float[] Buffer => _data;

    public Span<float> Row(int index)
    {
        if ((uint)index >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Row index must be in [0, {Rows}).");
        }

        return _data.AsSpan(index * Columns, Columns);
    }

    public float this[int row, int column] => Row(row)[column];

    /// <summary>Copies each row into its own array (for APIs that want jagged data, e.g. JSON).</summary>
    public float[][] ToJagged()
    {
        var result = new float[Rows][];
        for (var i = 0; i < Rows; i++)
        {
            result[i] = Row(i).ToArray();
        }

        return result;
    }

    public static EmbeddingMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return new EmbeddingMatrix(0, 0);
        }

        var columns = rows[0].Length;
        var matrix = new EmbeddingMatrix(rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; row 0 has {columns}.", nameof(rows));
            }

            rows[i].CopyTo(matrix.Row(i));
        }

        return matrix;
    }
}
