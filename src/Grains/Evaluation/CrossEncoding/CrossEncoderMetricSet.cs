using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>
/// Cross-encoder metrics from a whole task's probabilities. Binary labels: <c>accuracy</c> (CESoftmaxAccuracyEvaluator),
/// <c>f1</c> on class 1 and <c>f1_macro</c> (CEF1Evaluator), <c>ap</c> of the class-1 probability (CEBinaryClassificationEvaluator).
/// Graded scores: <c>pearson</c> and <c>spearman</c> of a one-output model (CECorrelationEvaluator).
/// </summary>
public static class CrossEncoderMetricSet
{
    /// <summary>
    /// The predicted label is the argmax of the probabilities (first on ties, as numpy) for 2 outputs, or
    /// <c>p &gt; 0.5</c> for one sigmoid output (CEBinaryAccuracyEvaluator's threshold).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Classification(ReadOnlySpan<int> labels, PairPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        RequireWholeTask(labels.Length, predictions);
        RequireBinaryOutputs(predictions.LabelCount);
        var predicted = new int[labels.Length];
        var positive = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = predictions.Probabilities.Row(i);
            if (row.Length == 1)
            {
                positive[i] = row[0];
                predicted[i] = row[0] > 0.5f ? 1 : 0;
            }
            else
            {
                positive[i] = row[1];
                predicted[i] = row[1] > row[0] ? 1 : 0;
            }
        }

        return new OrderedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = ClassLabelMetrics.Accuracy(predicted, labels),
            ["f1"] = ClassLabelMetrics.BinaryF1(predicted, labels),
            ["f1_macro"] = ClassLabelMetrics.MacroF1(predicted, labels),
            ["ap"] = AveragePrecision.Compute(positive, labels),
        };
    }

    /// <summary><c>pearson</c> and <c>spearman</c> of a one-output model's scores against graded gold scores.</summary>
    public static IReadOnlyDictionary<string, double> Correlation(ReadOnlySpan<double> gold, PairPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        RequireWholeTask(gold.Length, predictions);
        RequireSingleOutput(predictions.LabelCount);
        var predicted = new double[gold.Length];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = predictions.Probabilities[i, 0];
        }

        return new OrderedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["pearson"] = Metrics.Correlation.Pearson(gold, predicted),
            ["spearman"] = Metrics.Correlation.Spearman(gold, predicted),
        };
    }

    /// <summary>Binary labels need one sigmoid output or two softmax outputs.</summary>
    public static void RequireBinaryOutputs(int labelCount)
    {
        if (labelCount is not (1 or 2))
        {
            throw new MetricInputException($"Binary pair labels need a cross-encoder with 1 or 2 outputs; this one has {labelCount}.");
        }
    }

    /// <summary>Graded similarity needs a regression cross-encoder (one output).</summary>
    public static void RequireSingleOutput(int labelCount)
    {
        if (labelCount != 1)
        {
            throw new MetricInputException($"Graded similarity needs a cross-encoder with 1 output (a score); this one has {labelCount} labels.");
        }
    }

    private static void RequireWholeTask(int goldCount, PairPredictions predictions)
    {
        if (predictions.Start != 0 || predictions.Count != goldCount)
        {
            throw new ArgumentException(
                $"Metrics need predictions for the whole task ({goldCount} pairs); got pairs {predictions.Start}..{predictions.Start + predictions.Count - 1}. Merge the shards first.");
        }
    }
}
