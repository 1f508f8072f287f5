using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>Rejects NaN and infinities before any kernel runs, naming the input and the first bad row.</summary>
public static class FiniteEmbeddings
{
    public static void EnsureFinite(EmbeddingMatrix matrix, string input)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        EnsureFinite(matrix.Data, matrix.Columns, input);
    }

    /// <summary>Checks <paramref name="rows"/> (row-major, <paramref name="dimensions"/> values a row).</summary>
    public static void EnsureFinite(ReadOnlySpan<float> rows, int dimensions, string input) => EnsureFinite<float>(rows, dimensions, input);

    /// <summary>Checks float16 rows (row-major, <paramref name="dimensions"/> values a row).</summary>
    public static void EnsureFinite(ReadOnlySpan<Half> rows, int dimensions, string input) => EnsureFinite<Half>(rows, dimensions, input);

    internal static void EnsureFinite<T>(ReadOnlySpan<T> rows, int dimensions, string input)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Check(MemoryMarshal.Cast<T, float>(rows), dimensions, input);
        }
        else if (typeof(T) == typeof(Half))
        {
            Check(MemoryMarshal.Cast<T, Half>(rows), dimensions, input);
        }
        else
        {
            throw new NotSupportedException($"{input}: rows of {typeof(T).Name} cannot be scored; use float or Half.");
        }
    }

    private static void Check<T>(ReadOnlySpan<T> rows, int dimensions, string input)
        where T : IFloatingPointIeee754<T>
    {
        if (TensorPrimitives.IsFiniteAll(rows))
        {
            return;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (!T.IsFinite(rows[i]))
            {
                var row = dimensions == 0 ? 0 : i / dimensions;
                throw new NonFiniteEmbeddingException(input, row, i - row * dimensions, float.CreateTruncating(rows[i]));
            }
        }
    }
}
