using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Evaluation.Scoring;
using Similarity.Grains.Kernels;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Evaluation.Evaluators;

/// <summary>EmbeddingSimilarityEvaluator's metrics from a whole task's scores: <c>pearson_&lt;fn&gt;</c> and <c>spearman_&lt;fn&gt;</c> per function.</summary>
public static class StsMetricSet
{
    /// <summary>Task <paramref name="task"/>'s result: the metrics and a scatter of gold against the first function's scores.</summary>
    public static TaskResult Result(string task, ReadOnlySpan<double> gold, PairScores scores)
    {
        var metrics = Compute(gold, scores);
        var primary = scores.Functions[0];
        return new TaskResult(task, gold.Length, metrics, ScatterSampler.Sample(primary.Name(), gold, scores.Of(primary)), []);
    }

    /// <summary>Pure over arrays: <paramref name="scores"/> must cover the whole task (merge shards first).</summary>
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<double> gold, PairScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        RequireWholeTask(gold.Length, scores);
        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var function in scores.Functions)
        {
            var predicted = scores.Of(function);
            metrics[$"pearson_{function.Name()}"] = Correlation.Pearson(gold, predicted);
            metrics[$"spearman_{function.Name()}"] = Correlation.Spearman(gold, predicted);
        }

        return metrics;
    }

    internal static void RequireWholeTask(int goldCount, PairScores scores)
    {
        if (scores.Start != 0 || scores.Count != goldCount)
        {
            throw new ArgumentException(
                $"Metrics need scores for the whole task ({goldCount} pairs); got pairs {scores.Start}..{scores.Start + scores.Count - 1}. Merge the shards first.");
        }
    }
}
