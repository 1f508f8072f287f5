using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>Runs each distinct text pair through a cross-encoder once, in batches, longest pairs first.</summary>
public static class PairPredictor
{
    /// <summary>Probabilities for every distinct pair; the model's output shape and values are checked.</summary>
    public static async Task<PredictedPairs> PredictAsync(
        IPairClassifier classifier,
        IEnumerable<TextPair> pairs,
        int batchSize,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var distinct = pairs.Distinct().ToList();
        var order = Enumerable.Range(0, distinct.Count)
            .OrderByDescending(i => distinct[i].First.Length + distinct[i].Second.Length)
            .ToArray();
        var labels = classifier.LabelCount;
        var probabilities = new EmbeddingMatrix(distinct.Count, labels);
        var batch = new List<TextPair>(Math.Min(batchSize, distinct.Count));
        progress?.Report(new EvaluationProgress(0, distinct.Count));
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, order.Length - start);
            batch.Clear();
            for (var k = 0; k < count; k++)
            {
                batch.Add(distinct[order[start + k]]);
            }

            var predicted = await classifier.PredictAsync(batch, cancellationToken).ConfigureAwait(false);
            if (predicted.Rows != count || predicted.Columns != labels)
            {
                throw new ModelOutputException(
                    $"The cross-encoder returned a {predicted.Rows}x{predicted.Columns} matrix for {count} pairs; expected {count}x{labels}.");
            }

            for (var k = 0; k < count; k++)
            {
                var row = predicted.Row(k);
                foreach (var p in row)
                {
                    if (!float.IsFinite(p))
                    {
                        throw new ModelOutputException($"The cross-encoder returned NaN or infinity for the pair (\"{batch[k].First}\", \"{batch[k].Second}\").");
                    }
                }

                row.CopyTo(probabilities.Row(order[start + k]));
            }

            progress?.Report(new EvaluationProgress(start + count, distinct.Count));
        }

        return new PredictedPairs(distinct, probabilities);
    }
}
