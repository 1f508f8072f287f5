using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Bench;

/// <summary>How far two ways of computing the same embeddings disagree, so a faster path is seen to compute the same thing.</summary>
internal static class EmbeddingDifference
{
    /// <summary>The largest <c>|a − b|</c> over all values of two matrices of the same shape.</summary>
    public static double Max(EmbeddingMatrix a, EmbeddingMatrix b)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"Matrices of different shapes, {a.Rows}x{a.Columns} and {b.Rows}x{b.Columns}, cannot be compared.");
        }

        return Max(a.Data, b.Data);
    }

    /// <summary>The largest <c>|a − b|</c> over two value lists of the same length (rows of scores, say).</summary>
    public static double Max(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lists of {a.Length} and {b.Length} values cannot be compared.");
        }

        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
