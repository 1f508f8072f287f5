using System.Numerics.Tensors;
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
    public static void EnsureFinite(ReadOnlySpan<float> rows, int dimensions, string input)
    {
        if (TensorPrimitives.IsFiniteAll(rows))
        {
            return;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (!float.IsFinite(rows[i]))
            {
                var row = dimensions == 0 ? 0 : i / dimensions;
                throw new NonFiniteEmbeddingException(input, row, i - row * dimensions, rows[i]);
            }
        }
    }
}
