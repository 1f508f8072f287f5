using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>Runs each distinct text pair through a cross-encoder once, in batches, longest pairs first (see <see cref="LongestFirstBatches"/>).</summary>
public static class PairPredictor
{
    private static readonly ModelOutputWording<TextPair> Wording =
        new("cross-encoder", "pairs", pair => $"for the pair (\"{pair.First}\", \"{pair.Second}\")");

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
        var probabilities = await LongestFirstBatches.RunAsync(
                distinct, pair => pair.First.Length + pair.Second.Length, batchSize, classifier.LabelCount, classifier.PredictAsync, Wording, progress, cancellationToken)
            .ConfigureAwait(false);
        return new PredictedPairs(distinct, probabilities);
    }
}
