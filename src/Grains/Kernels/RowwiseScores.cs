using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Scores of aligned rows, <c>score[i] = f(a[i], b[i])</c>: what <c>simctl score</c> prints for two files of pairs.
/// Summed in float64 (<see cref="PreciseScores"/>) and rounded once, so nearly cancelling terms keep their digits.
/// </summary>
public static class RowwiseScores
{
    public static float[] Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var scores = new float[a.Rows];
        Compute(function, a, b, scores);
        return scores;
    }

    public static void Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"Row-wise scores need matrices of the same shape; got {a.Rows}x{a.Columns} and {b.Rows}x{b.Columns}.");
        }

        if (destination.Length != a.Rows)
        {
            throw new ArgumentException($"Destination holds {destination.Length} scores; {a.Rows} needed.", nameof(destination));
        }

        FiniteEmbeddings.EnsureFinite(a, "a");
        FiniteEmbeddings.EnsureFinite(b, "b");
        for (var i = 0; i < a.Rows; i++)
        {
            destination[i] = (float)PreciseScores.Score(function, a.Row(i), b.Row(i));
        }
    }
}
