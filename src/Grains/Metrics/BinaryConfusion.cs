namespace Similarity.Grains.Metrics;

/// <summary>Counts of a binary prediction against 0/1 labels, and the measures derived from them.</summary>
public readonly record struct BinaryConfusion(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Predicts 1 where <c>score ≥ threshold</c>, as sentence-transformers does before computing MCC.</summary>
    public static BinaryConfusion AtThreshold(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, double threshold)
    {
        MetricInput.RequireSameLength(scores.Length, labels.Length, "scores", "labels");
        MetricInput.RequireFinite(scores, "scores");
        MetricInput.RequireBinary(labels, "labels");
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i] == 1)
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new BinaryConfusion(tp, fp, tn, fn);
    }

    /// <summary>Counts predicted labels against gold labels (both 0/1).</summary>
    public static BinaryConfusion Of(ReadOnlySpan<int> predicted, ReadOnlySpan<int> gold)
    {
        MetricInput.RequireSameLength(predicted.Length, gold.Length, "predicted labels", "gold labels");
        MetricInput.RequireBinary(predicted, "predicted labels");
        MetricInput.RequireBinary(gold, "gold labels");
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            switch ((gold[i], predicted[i]))
            {
                case (1, 1): tp++; break;
                case (0, 1): fp++; break;
                case (0, 0): tn++; break;
                default: fn++; break;
            }
        }

        return new BinaryConfusion(tp, fp, tn, fn);
    }

    /// <summary>
    /// Matthews correlation coefficient in sklearn's form (covariances of the confusion matrix);
    /// 0 when a marginal is empty, as sklearn returns.
    /// </summary>
    public double MatthewsCorrelation()
    {
        double n = Total;
        double trueOnes = TruePositives + FalseNegatives;
        double trueZeros = TrueNegatives + FalsePositives;
        double predictedOnes = TruePositives + FalsePositives;
        double predictedZeros = TrueNegatives + FalseNegatives;
        var correct = (double)TruePositives + TrueNegatives;
        var covTruePredicted = correct * n - (trueOnes * predictedOnes + trueZeros * predictedZeros);
        var covPredicted = n * n - (predictedOnes * predictedOnes + predictedZeros * predictedZeros);
        var covTrue = n * n - (trueOnes * trueOnes + trueZeros * trueZeros);
        if (covPredicted * covTrue == 0)
        {
            return 0;
        }

        return covTruePredicted / Math.Sqrt(covTrue * covPredicted);
    }

    /// <summary>F1 of the positive class, <c>2TP / (2TP + FP + FN)</c>; 0 when there is neither a positive label nor a positive prediction (sklearn's zero_division).</summary>
    public double F1()
    {
        var denominator = 2.0 * TruePositives + FalsePositives + FalseNegatives;
        return denominator == 0 ? 0 : 2.0 * TruePositives / denominator;
    }
}
