using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Evaluation.Scoring;
using Similarity.Grains.Kernels;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.Evaluators;

/// <summary>
/// BinaryClassificationEvaluator's metrics from a whole task's scores: per function <c>&lt;fn&gt;_accuracy</c>,
/// <c>_accuracy_threshold</c>, <c>_f1</c>, <c>_f1_threshold</c>, <c>_precision</c>, <c>_recall</c>, <c>_ap</c>, <c>_mcc</c>.
/// </summary>
public static class PairClassificationMetricSet
{
    /// <summary>Task <paramref name="task"/>'s result: the metrics and a precision-recall curve per similarity function.</summary>
    public static TaskResult Result(string task, ReadOnlySpan<int> labels, PairScores scores)
    {
        var metrics = Compute(labels, scores);
        var curves = new PrecisionRecallCurve[scores.Functions.Count];
        for (var f = 0; f < curves.Length; f++)
        {
            curves[f] = PrecisionRecallSweep.Compute(scores.Functions[f].Name(), scores.Of(scores.Functions[f]), labels);
        }

        return new TaskResult(task, labels.Length, metrics, null, curves);
    }

    /// <summary>Pure over arrays: <paramref name="scores"/> must cover the whole task (merge shards first).</summary>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<int> labels, PairScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        StsMetricSet.RequireWholeTask(labels.Length, scores);
        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var function in scores.Functions)
        {
            var name = function.Name();
            var m = BinaryClassificationMetrics.Compute(scores.Of(function), labels);
            metrics[$"{name}_accuracy"] = m.Accuracy;
            metrics[$"{name}_accuracy_threshold"] = m.AccuracyThreshold;
            metrics[$"{name}_f1"] = m.F1;
            metrics[$"{name}_f1_threshold"] = m.F1Threshold;
            metrics[$"{name}_precision"] = m.Precision;
            metrics[$"{name}_recall"] = m.Recall;
            metrics[$"{name}_ap"] = m.AveragePrecision;
            metrics[$"{name}_mcc"] = m.MatthewsCorrelation;
        }

        return metrics;
    }
}
