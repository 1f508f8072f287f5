namespace Similarity.Grains.Metrics;

/// <summary>
/// sentence-transformers' BinaryClassificationEvaluator measures for one similarity function: best-threshold accuracy and F1
/// (with precision and recall at the F1 threshold), average precision, and MCC of <c>score ≥ F1 threshold</c>.
/// </summary>
public sealed record BinaryClassificationMetrics(
    double Accuracy,
    double AccuracyThreshold,
    double F1,
    double F1Threshold,
    double Precision,
    double Recall,
    double AveragePrecision,
    double MatthewsCorrelation)
{
    /// <summary>All eight measures for one function's scores against 0/1 labels.</summary>
    public static BinaryClassificationMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        var accuracy = ThresholdSearch.BestAccuracy(scores, labels);
        var f1 = ThresholdSearch.BestF1(scores, labels);
        var ap = Metrics.AveragePrecision.Compute(scores, labels);
        var mcc = BinaryConfusion.AtThreshold(scores, labels, f1.Threshold).MatthewsCorrelation();
        return new BinaryClassificationMetrics(accuracy.Accuracy, accuracy.Threshold, f1.F1, f1.Threshold, f1.Precision, f1.Recall, ap, mcc);
    }
}
