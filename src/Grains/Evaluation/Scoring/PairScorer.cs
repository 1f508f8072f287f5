using System.Numerics.Tensors;
using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation.Embedding;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation.Scoring;

/// <summary>
/// Scores a task's pairs from embeddings with each similarity function, in double precision (the metric references are
/// float64; float32 scores would reorder near-ties). Manhattan and euclidean are negated distances: higher = more similar.
/// </summary>
public static class PairScorer
{
    /// <summary>Scores pairs <paramref name="start"/> .. start+count−1 of <paramref name="task"/> (all of them by default).</summary>
    public static PairScores Score(
        EmbeddedSentences embeddings,
        PairTask task,
        IReadOnlyList<SimilarityFunction> functions,
        int start = 0,
        int? count = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(functions);
        var n = count ?? task.Count - start;
        if (start < 0 || n < 0 || start + n > task.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Pairs {start}..{start + n - 1} are outside task '{task.Name}' (0..{task.Count - 1}).");
        }

        var dimension = embeddings.Embeddings.Columns;
        var a = new double[dimension];
        var b = new double[dimension];
        var difference = new double[dimension];
        var values = functions.Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.ConvertChecked<float, double>(embeddings.Of(task.First[start + i]), a);
            TensorPrimitives.ConvertChecked<float, double>(embeddings.Of(task.Second[start + i]), b);
            for (var f = 0; f < functions.Count; f++)
            {
                values[f][i] = Score(functions[f], a, b, difference);
            }
        }

        return new PairScores(start, functions, values);
    }

    /// <summary>One similarity of two vectors in double; <paramref name="scratch"/> is a buffer of their length.</summary>
    public static double Score(SimilarityFunction function, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> scratch)
    {
        switch (function)
        {
            case SimilarityFunction.Cosine:
                // Normalising with a norm clamped at 1e-12 (as sentence-transformers does) gives 0 for a zero vector.
                return TensorPrimitives.Dot(a, b) / (Math.Max(TensorPrimitives.Norm(a), 1e-12) * Math.Max(TensorPrimitives.Norm(b), 1e-12));
            case SimilarityFunction.Dot:
                return TensorPrimitives.Dot(a, b);
            case SimilarityFunction.Manhattan:
                var difference = scratch[..a.Length];
                TensorPrimitives.Subtract(a, b, difference);
                return -TensorPrimitives.SumOfMagnitudes<double>(difference);
            case SimilarityFunction.Euclidean:
                return -TensorPrimitives.Distance(a, b);
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, null);
        }
    }
}
