using System.Numerics.Tensors;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>Scores of aligned rows: <c>score[i] = f(a[i], b[i])</c>, the pairwise scores STS and pair-classification evaluators use.</summary>
public static class RowwiseScores
{
    public static float Score(SimilarityFunction function, ReadOnlySpan<float> a, ReadOnlySpan<float> b) => function switch
    {
        SimilarityFunction.Cosine => CosineOrZero(a, b),
        SimilarityFunction.Dot => TensorPrimitives.Dot(a, b),
        SimilarityFunction.Manhattan => -Distances.Manhattan(a, b),
        SimilarityFunction.Euclidean => -TensorPrimitives.Distance(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    public static float[] Compute(SimilarityFunction function, EmbeddingMatrix a, EmbeddingMatrix b)
    {
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

        for (var i = 0; i < a.Rows; i++)
        {
            destination[i] = Score(function, a.Row(i), b.Row(i));
        }
    }

    // A zero vector has no direction; sentence-transformers' normalisation clamps the norm, which yields 0 here too.
    private static float CosineOrZero(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var normA = TensorPrimitives.Norm(a);
        var normB = TensorPrimitives.Norm(b);
        if (normA == 0f || normB == 0f)
        {
            return 0f;
        }

        return TensorPrimitives.Dot(a, b) / (Math.Max(normA, 1e-12f) * Math.Max(normB, 1e-12f));
    }
}
