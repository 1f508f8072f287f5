using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Scales rows to unit length, once, so cosine becomes a dot product (as sentence-transformers does).
/// The norm and the scaling are computed in float64; each value is rounded to float32 once.
/// </summary>
public static class UnitRows
{
    /// <summary><c>destination[row] = rows[row] / max(‖rows[row]‖, 1e-12)</c> for each row of <paramref name="dimensions"/> values.</summary>
    public static void Normalize(ReadOnlySpan<float> rows, int dimensions, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        if (destination.Length != rows.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {rows.Length} needed.", nameof(destination));
        }

        if (dimensions == 0)
        {
            return;
        }

        if (rows.Length % dimensions != 0)
        {
            throw new ArgumentException($"{rows.Length} values are not whole rows of {dimensions}.", nameof(rows));
        }

        for (var offset = 0; offset < rows.Length; offset += dimensions)
        {
            var row = rows.Slice(offset, dimensions);
            Scale(row, 1.0 / Math.Max(PreciseScores.Norm(row), PreciseScores.MinimumNorm), destination.Slice(offset, dimensions));
        }
    }

    public static EmbeddingMatrix Normalize(EmbeddingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = new EmbeddingMatrix(matrix.Rows, matrix.Columns);
        Normalize(matrix.Data, matrix.Columns, result.Data);
        return result;
    }

    /// <summary><c>destination = row · factor</c>, each product in float64 and rounded to float32 once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Scale(ReadOnlySpan<float> row, double factor, Span<float> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<float>.Count)
        {
            var source = MemoryMarshal.Cast<float, Vector<float>>(row);
            var target = MemoryMarshal.Cast<float, Vector<float>>(destination);
            var f = new Vector<double>(factor);
            for (var v = 0; v < source.Length; v++)
            {
                Vector.Widen(source[v], out var low, out var high);
                target[v] = Vector.Narrow(low * f, high * f);
            }

            i = source.Length * Vector<float>.Count;
        }

        for (; i < row.Length; i++)
        {
            destination[i] = (float)(row[i] * factor);
        }
    }
}
