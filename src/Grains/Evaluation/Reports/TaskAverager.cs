using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// A suite's average over its tasks: every metric the tasks share except thresholds (an average threshold of different
/// tasks means nothing). Correlations use Fisher's z when the suite asks for it; everything else the arithmetic mean.
/// </summary>
public static class TaskAverager
{
    /// <summary>The average metrics, in the first task's key order; empty for no tasks.</summary>
    public static IReadOnlyDictionary<string, double> Average(IReadOnlyList<TaskResult> tasks, TaskAveraging averaging)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var average = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        if (tasks.Count == 0)
        {
            return average;
        }

        var values = new double[tasks.Count];
        foreach (var key in tasks[0].Metrics.Keys)
        {
            if (key.EndsWith("_threshold", StringComparison.Ordinal) || !tasks.All(t => t.Metrics.ContainsKey(key)))
            {
                continue;
            }

            for (var i = 0; i < tasks.Count; i++)
            {
                values[i] = tasks[i].Metrics[key];
            }

            average[key] = averaging == TaskAveraging.FisherZ && IsCorrelation(key) ? FisherZ.Average(values) : values.Average();
        }

        return average;
    }

    /// <summary>How the averages were computed, in a sentence for people reading a report.</summary>
    public static string Describe(TaskAveraging averaging) => averaging == TaskAveraging.FisherZ
        ? "Correlations are averaged through Fisher's z (tanh of the mean arctanh); other metrics by the arithmetic mean; thresholds are not averaged."
        : "Each metric is the arithmetic mean over the tasks; thresholds are not averaged.";

    private static bool IsCorrelation(string key) =>
        key.StartsWith("pearson", StringComparison.Ordinal) || key.StartsWith("spearman", StringComparison.Ordinal);
}
