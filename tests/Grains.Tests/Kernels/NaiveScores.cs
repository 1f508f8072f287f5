using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>The definitions, written as plainly as possible in float64: what the kernels are checked against.</summary>
public static class NaiveScores
{
    public static double Score(SimilarityFunction function, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, aa = 0, bb = 0, l1 = 0, l2 = 0;
        for (var k = 0; k < a.Length; k++)
        {
            dot += (double)a[k] * b[k];
            aa += (double)a[k] * a[k];
            bb += (double)b[k] * b[k];
            l1 += Math.Abs((double)a[k] - b[k]);
            l2 += ((double)a[k] - b[k]) * ((double)a[k] - b[k]);
        }

        return function switch
        {
            SimilarityFunction.Cosine => dot / (Math.Max(Math.Sqrt(aa), 1e-12) * Math.Max(Math.Sqrt(bb), 1e-12)),
            SimilarityFunction.Dot => dot,
            SimilarityFunction.Manhattan => -l1,
            SimilarityFunction.Euclidean => -Math.Sqrt(l2),
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };
    }

    public static double[,] AllPairs(SimilarityFunction function, EmbeddingMatrix left, EmbeddingMatrix right)
    {
        var scores = new double[left.Rows, right.Rows];
        for (var i = 0; i < left.Rows; i++)
        {
            for (var j = 0; j < right.Rows; j++)
            {
                scores[i, j] = Score(function, left.Row(i), right.Row(j));
            }
        }

        return scores;
    }

    /// <summary>A rigorous float32 error allowance for one pair: generous multiples of d·2⁻²⁴ times the magnitudes involved.</summary>
    public static double Float32Allowance(SimilarityFunction function, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var u = Math.ScaleB(1.0, -24);
        var d = a.Length + 4;
        double magnitude = 0;
        for (var k = 0; k < a.Length; k++)
        {
            magnitude += function switch
            {
                SimilarityFunction.Dot => Math.Abs((double)a[k] * b[k]),
                _ => 0,
            };
        }

        return function switch
        {
            SimilarityFunction.Cosine => 2 * d * u,
            SimilarityFunction.Dot => 2 * d * u * magnitude + 1e-30,
            _ => 2 * d * u * Math.Abs(Score(function, a, b)) + 1e-30,
        };
    }
}
