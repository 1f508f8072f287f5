using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation;

public class TaskAveragerTests
{
    [Fact]
    public void Fisher_z_suites_average_correlations_through_fishers_z()
    {
        var (correlations, expected) = MetricFixture.FisherZ;
        var tasks = correlations.Select((r, i) => Task($"t{i}", ("spearman_cosine", r))).ToList();

        var average = TaskAverager.Average(tasks, TaskAveraging.FisherZ);

        MetricFixture.AssertClose(expected, average["spearman_cosine"], "spearman_cosine average");
    }

    [Fact]
    public void Mean_suites_take_the_arithmetic_mean()
    {
        var (correlations, _) = MetricFixture.FisherZ;
        var tasks = correlations.Select((r, i) => Task($"t{i}", ("pearson_cosine", r))).ToList();

        var average = TaskAverager.Average(tasks, TaskAveraging.Mean);

        Assert.Equal(correlations.Sum() / correlations.Length, average["pearson_cosine"], 15);
    }

    [Fact]
    public void Thresholds_are_left_out_and_non_correlations_use_the_mean()
    {
        var tasks = new[]
        {
            Task("a", ("cosine_accuracy", 0.8), ("cosine_accuracy_threshold", 0.6)),
            Task("b", ("cosine_accuracy", 0.6), ("cosine_accuracy_threshold", 0.4)),
        };

        var average = TaskAverager.Average(tasks, TaskAveraging.FisherZ);

        Assert.Equal(["cosine_accuracy"], average.Keys);
        Assert.Equal(0.7, average["cosine_accuracy"], 15);
    }

    private static TaskResult Task(string name, params (string Key, double Value)[] metrics) =>
        TaskResult.MetricsOnly(name, new OrderedDictionary<string, double>(metrics.Select(m => KeyValuePair.Create(m.Key, m.Value))));
}
