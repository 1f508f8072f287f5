namespace Similarity.Grains.Metrics;

/// <summary>
/// Average precision as sklearn's <c>average_precision_score</c> defines it: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct
/// score values taken as thresholds from high to low (tied scores enter together), without interpolation.
/// With no positive label the result is 0 (sklearn sets recall to 1 everywhere, so no recall is gained).
/// </summary>
public static class AveragePrecision
{
    /// <summary>Average precision of <paramref name="scores"/> (higher = more likely positive) against 0/1 <paramref name="labels"/>.</summary>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        MetricInput.RequireSameLength(scores.Length, labels.Length, "scores", "labels");
        MetricInput.RequireAtLeast(scores.Length, 1, "Average precision");
        MetricInput.RequireFinite(scores, "scores");
        MetricInput.RequireBinary(labels, "labels");

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label;
        }

        if (positives == 0)
        {
            return 0;
        }

        var order = DescendingOrder.Of(scores);
        double sum = 0;
        double previousRecall = 0;
        var truePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            truePositives += labels[order[k]];
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]])
            {
                continue;
            }

            var recall = (double)truePositives / positives;
            var precision = (double)truePositives / (k + 1);
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return sum;
    }
}
