using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>
/// Cross-encoder metrics from a whole task's probabilities. Binary labels: <c>accuracy</c> (CESoftmaxAccuracyEvaluator),
/// <c>f1</c> on class 1 and <c>f1_macro</c> (CEF1Evaluator), <c>ap</c> of the class-1 probability (CEBinaryClassificationEvaluator).
/// Graded scores: <c>pearson</c> and <c>spearman</c> of a one-output model (CECorrelationEvaluator).
/// </summary>
public static class CrossEncoderMetricSet
{
    /// <summary>Names the class-1 probability's precision-recall curve.</summary>
    public const string ProbabilityLabel = "probability";

    /// <summary>Names the one-output model's scores in a gold-vs-predicted scatter.</summary>
    public const string ScoreLabel = "score";

    /// <summary>Task <paramref name="task"/>'s <see cref="Classification"/> metrics and the precision-recall curve of its class-1 probability.</summary>
    public static TaskResult ClassificationResult(string task, ReadOnlySpan<int> labels, PairPredictions predictions)
    {
        var metrics = Classification(labels, predictions);
        var curve = PrecisionRecallSweep.Compute(ProbabilityLabel, PositiveProbabilities(predictions), labels);
        return new TaskResult(task, labels.Length, metrics, null, [curve]);
    }

    /// <summary>Task <paramref name="task"/>'s <see cref="Correlation"/> metrics and a scatter of gold against the model's scores.</summary>
    public static TaskResult CorrelationResult(string task, ReadOnlySpan<double> gold, PairPredictions predictions)
    {
        var metrics = Correlation(gold, predictions);
        return new TaskResult(task, gold.Length, metrics, ScatterSampler.Sample(ScoreLabel, gold, Scores(predictions)), []);
    }

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
        for (var i = 0; i < labels.Length; i++)
        {
            var row = predictions.Probabilities.Row(i);
            predicted[i] = (row.Length == 1 ? row[0] > 0.5f : row[1] > row[0]) ? 1 : 0;
        }

        var positive = PositiveProbabilities(predictions);
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
        var predicted = Scores(predictions);
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

    private static double[] PositiveProbabilities(PairPredictions predictions)
    {
        var positive = new double[predictions.Count];
        for (var i = 0; i < positive.Length; i++)
        {
            var row = predictions.Probabilities.Row(i);
            positive[i] = row.Length == 1 ? row[0] : row[1];
        }

        return positive;
    }

    private static double[] Scores(PairPredictions predictions)
    {
        var scores = new double[predictions.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = predictions.Probabilities[i, 0];
        }

        return scores;
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
