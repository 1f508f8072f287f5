using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.Plots;

/// <summary>
/// Sweeps the threshold over every distinct score of a whole task (tied scores enter together, as sklearn's
/// <c>precision_recall_curve</c> does) and keeps at most <see cref="DefaultMaxPoints"/> of the resulting points, evenly
/// spaced along the curve with its two ends always kept.
/// </summary>
public static class PrecisionRecallSweep
{
    /// <summary>Plenty for a smooth curve at plot size; the metrics (AP, best F1) come from the full scores anyway.</summary>
    public const int DefaultMaxPoints = 256;

    /// <summary>The curve of <paramref name="scores"/> (higher = more likely positive) against 0/1 <paramref name="labels"/>.</summary>
    public static PrecisionRecallCurve Compute(string function, ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, int maxPoints = DefaultMaxPoints)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        MetricInput.RequireSameLength(scores.Length, labels.Length, "scores", "labels");
        MetricInput.RequireFinite(scores, "scores");
        MetricInput.RequireBinary(labels, "labels");

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label;
        }

        var thresholds = new List<double>();
        var recall = new List<double>();
        var precision = new List<double>();
        if (positives > 0)
        {
            var order = DescendingOrder.Of(scores);
            var predictedPositive = 0;
            var truePositive = 0;
            while (predictedPositive < order.Length)
            {
                var threshold = scores[order[predictedPositive]];
                for (; predictedPositive < order.Length && scores[order[predictedPositive]] == threshold; predictedPositive++)
                {
                    truePositive += labels[order[predictedPositive]];
                }

                thresholds.Add(threshold);
                recall.Add((double)truePositive / positives);
                precision.Add((double)truePositive / predictedPositive);
            }
        }

        return thresholds.Count <= maxPoints
            ? new PrecisionRecallCurve(function, thresholds.ToArray(), recall.ToArray(), precision.ToArray())
            : new PrecisionRecallCurve(function, Spaced(thresholds, maxPoints), Spaced(recall, maxPoints), Spaced(precision, maxPoints));
    }

    private static double[] Spaced(List<double> values, int count)
    {
        var kept = new double[count];
        for (var k = 0; k < count; k++)
        {
            kept[k] = values[(int)((long)k * (values.Count - 1) / (count - 1))];
        }

        return kept;
    }
}
