using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation.Embedding;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation.Scoring;

/// <summary>
/// Scores a task's pairs from embeddings with each similarity function, summed in float64 by <see cref="PreciseScores"/>
/// (the metric references are float64; float32 scores would reorder near-ties). Manhattan and euclidean are negated
/// distances: higher = more similar.
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

        var values = functions.Select(_ => new double[n]).ToArray();
        for (var i = 0; i < n; i++)
        {
            var a = embeddings.Of(task.First[start + i]);
            var b = embeddings.Of(task.Second[start + i]);
            for (var f = 0; f < functions.Count; f++)
            {
                values[f][i] = PreciseScores.Score(functions[f], a, b);
            }
        }

        return new PairScores(start, functions, values);
    }
}
