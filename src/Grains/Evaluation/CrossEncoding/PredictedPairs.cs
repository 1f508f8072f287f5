using Similarity.Grains.Datasets;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>Each distinct text pair of an evaluation and the cross-encoder's probabilities for it.</summary>
public sealed class PredictedPairs
{
    private readonly Dictionary<TextPair, int> _rows;

    public PredictedPairs(IReadOnlyList<TextPair> pairs, EmbeddingMatrix probabilities)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (pairs.Count != probabilities.Rows)
        {
            throw new ArgumentException($"{pairs.Count} pairs but {probabilities.Rows} rows of probabilities.", nameof(probabilities));
        }

        _rows = new Dictionary<TextPair, int>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!_rows.TryAdd(pairs[i], i))
            {
                throw new ArgumentException($"Pair {i} repeats an earlier one; predicted pairs must be distinct.", nameof(pairs));
            }
        }

        Probabilities = probabilities;
    }

    public EmbeddingMatrix Probabilities { get; }

    /// <summary>The rows of pairs <paramref name="start"/> .. start+count−1 of <paramref name="task"/> (all by default).</summary>
    public PairPredictions ForTask(PairTask task, int start = 0, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var n = count ?? task.Count - start;
        if (start < 0 || n < 0 || start + n > task.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Pairs {start}..{start + n - 1} are outside task '{task.Name}' (0..{task.Count - 1}).");
        }

        var result = new EmbeddingMatrix(n, Probabilities.Columns);
        for (var i = 0; i < n; i++)
        {
            var pair = new TextPair(task.First[start + i], task.Second[start + i]);
            if (!_rows.TryGetValue(pair, out var row))
            {
                throw new KeyNotFoundException($"Pair {start + i} of task '{task.Name}' was not among the predicted pairs.");
            }

            Probabilities.Row(row).CopyTo(result.Row(i));
        }

        return new PairPredictions(start, result);
    }
}
