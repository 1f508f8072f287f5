namespace Similarity.Grains.Metrics;

/// <summary>
/// Measures of predicted class labels against gold labels, as sklearn computes them for the cross-encoder evaluators
/// (CESoftmaxAccuracyEvaluator, CEF1Evaluator, CrossEncoderClassificationEvaluator).
/// </summary>
public static class ClassLabelMetrics
{
    /// <summary>Fraction of pairs whose predicted label equals the gold label.</summary>
    public static double Accuracy(ReadOnlySpan<int> predicted, ReadOnlySpan<int> gold)
    {
        Validate(predicted, gold);
        var correct = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            if (predicted[i] == gold[i])
            {
                correct++;
            }
        }

        return (double)correct / gold.Length;
    }

    /// <summary>F1 of class 1 (sklearn <c>f1_score(average="binary")</c>); labels must be 0 or 1.</summary>
    public static double BinaryF1(ReadOnlySpan<int> predicted, ReadOnlySpan<int> gold)
    {
        Validate(predicted, gold);
        return BinaryConfusion.Of(predicted, gold).F1();
    }

    /// <summary>
    /// Unweighted mean of per-class F1 over the classes that occur in the gold or the predicted labels
    /// (sklearn <c>f1_score(average="macro")</c>).
    /// </summary>
    public static double MacroF1(ReadOnlySpan<int> predicted, ReadOnlySpan<int> gold)
    {
        Validate(predicted, gold);
        MetricInput.RequireNonNegative(predicted, "predicted labels");
        MetricInput.RequireNonNegative(gold, "gold labels");
        var classes = 0;
        foreach (var label in gold)
        {
            classes = Math.Max(classes, label + 1);
        }

        foreach (var label in predicted)
        {
            classes = Math.Max(classes, label + 1);
        }

        var truePositives = new int[classes];
        var goldCounts = new int[classes];
        var predictedCounts = new int[classes];
        for (var i = 0; i < gold.Length; i++)
        {
            goldCounts[gold[i]]++;
            predictedCounts[predicted[i]]++;
            if (gold[i] == predicted[i])
            {
                truePositives[gold[i]]++;
            }
        }

        double sum = 0;
        var present = 0;
        for (var c = 0; c < classes; c++)
        {
            var denominator = goldCounts[c] + predictedCounts[c];
            if (denominator == 0)
            {
                continue;
            }

            // 2TP / (2TP + FP + FN) = 2TP / (gold count + predicted count).
            sum += 2.0 * truePositives[c] / denominator;
            present++;
        }

        return sum / present;
    }

    private static void Validate(ReadOnlySpan<int> predicted, ReadOnlySpan<int> gold)
    {
        MetricInput.RequireSameLength(predicted.Length, gold.Length, "predicted labels", "gold labels");
        MetricInput.RequireAtLeast(gold.Length, 1, "A classification metric");
    }
}
