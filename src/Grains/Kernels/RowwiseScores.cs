using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Scores of aligned rows: <c>score[i] = f(a[i], b[i])</c>, the pairwise scores STS and pair-classification evaluators use.
/// Summed in float64 (<see cref="PreciseScores"/>): these scores feed correlations and thresholds, where float32 sums
/// of nearly cancelling terms would lose digits.
/// </summary>
public static class RowwiseScores
{
    public static float Score(SimilarityFunction function, ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        (float)PreciseScores.Score(function, a, b);

    public static float[] Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b)
    {
        var scores = new float[a.Rows];
        Compute(function, a, b, scores);
        return scores;
    }

    public static void Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b, Span<float> destination)
    {
        Validate(a, b, destination.Length);
        for (var i = 0; i < a.Rows; i++)
        {
            destination[i] = (float)PreciseScores.Score(function, a.Row(i), b.Row(i));
        }
    }

    /// <summary>The float64 scores, for metrics that want every digit.</summary>
    public static double[] ComputePrecise(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b)
    {
        var scores = new double[a.Rows];
        Compute(function, a, b, scores);
        return scores;
    }

    public static void Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b, Span<double> destination)
    {
        Validate(a, b, destination.Length);
        for (var i = 0; i < a.Rows; i++)
        {
            destination[i] = PreciseScores.Score(function, a.Row(i), b.Row(i));
        }
    }

    private static void Validate(EmbeddingMatrix a, EmbeddingMatrix b, int destinationLength)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"Row-wise scores need matrices of the same shape; got {a.Rows}x{a.Columns} and {b.Rows}x{b.Columns}.");
        }

        if (destinationLength != a.Rows)
        {
            throw new ArgumentException($"Destination holds {destinationLength} scores; {a.Rows} needed.", "destination");
        }

        FiniteEmbeddings.EnsureFinite(a, "a");
        FiniteEmbeddings.EnsureFinite(b, "b");
    }
}
