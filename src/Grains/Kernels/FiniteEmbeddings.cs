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

    /// <summary>Checks every block of <paramref name="rows"/>; the error names the row's index in the whole.</summary>
    public static void EnsureFinite(BlockRows rows, string input)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var block = 0; block < rows.BlockCount; block++)
        {
            var first = rows.BlockStart(block);
            if (rows.IsHalf)
            {
                Check(rows.Halves(block), rows.Dimensions, input, first);
            }
            else
            {
                Check(rows.Singles(block), rows.Dimensions, input, first);
            }
        }
    }

    internal static void EnsureFinite<T>(ReadOnlySpan<T> rows, int dimensions, string input)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Check(MemoryMarshal.Cast<T, float>(rows), dimensions, input, 0);
        }
        else if (typeof(T) == typeof(Half))
        {
            Check(MemoryMarshal.Cast<T, Half>(rows), dimensions, input, 0);
        }
        else
        {
            throw new NotSupportedException($"{input}: rows of {typeof(T).Name} cannot be scored; use float or Half.");
        }
    }

    /// <param name="firstRow">The index of the first row of <paramref name="rows"/> in the input the error names.</param>
    private static void Check<T>(ReadOnlySpan<T> rows, int dimensions, string input, int firstRow)
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
                throw new NonFiniteEmbeddingException(input, firstRow + row, i - row * dimensions, float.CreateTruncating(rows[i]));
            }
        }
    }
}
