using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation;
using Similarity.Grains.Evaluation.Evaluators;
using Similarity.Grains.Evaluation.Reports;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class EvaluationReportTests
{
    [Fact]
    public async Task Tasks_evaluated_one_at_a_time_in_any_order_aggregate_to_the_report_of_the_whole_suite()
    {
        var suite = SuiteCatalog.Default.Find("mstsb").Load(SharedFolder.Data, "dev");
        var together = await new TaskEvaluator().EvaluateAsync(EvaluatedModel.Of(new CharacterHistogramEncoder()), suite.Kind, suite.Tasks);
        var whole = EvaluationReport.Create("histogram", suite.Suite, suite.Split, suite.Averaging, together);

        // As evaluation grains on several silos would: each task on its own, results arriving in another order.
        var results = new List<TaskResult>();
        foreach (var task in suite.Tasks.Cast<SimilarityTask>().Reverse())
        {
            results.Add(Assert.Single(await new StsEvaluator().EvaluateAsync(new CharacterHistogramEncoder(), [task])));
        }

        var aggregated = EvaluationReport.Create("histogram", suite.Suite, suite.Split, suite.Averaging, results);

        Assert.Equal(EvaluationReportJson.Serialize(whole), EvaluationReportJson.Serialize(aggregated));
        Assert.Equal(whole.Tasks.Select(t => t.Scatter!.Predicted), aggregated.Tasks.Select(t => t.Scatter!.Predicted));
    }

    [Fact]
    public void The_average_is_the_same_to_the_last_bit_whatever_order_the_results_arrive_in()
    {
        var random = new Random(3);
        var tasks = Enumerable.Range(0, 31)
            .Select(i => TaskResult.MetricsOnly($"t{i:00}", new OrderedDictionary<string, double> { ["spearman_cosine"] = random.NextDouble() * 2 - 1 }))
            .ToList();

        var ordered = EvaluationReport.Create("m", "mstsb", "test", TaskAveraging.FisherZ, tasks);
        var shuffled = EvaluationReport.Create("m", "mstsb", "test", TaskAveraging.FisherZ, tasks.OrderBy(_ => random.Next()).ToList());

        Assert.Equal(tasks.Select(t => t.Name), shuffled.Tasks.Select(t => t.Name));
        Assert.Equal(BitConverter.DoubleToInt64Bits(ordered.Average["spearman_cosine"]), BitConverter.DoubleToInt64Bits(shuffled.Average["spearman_cosine"]));
    }

    [Fact]
    public void A_task_with_two_results_is_rejected()
    {
        var metrics = new OrderedDictionary<string, double> { ["pearson_cosine"] = 0.5 };

        var error = Assert.Throws<ArgumentException>(() => EvaluationReport.Create("m", "mstsb", "test", TaskAveraging.FisherZ,
            [TaskResult.MetricsOnly("en_de", metrics), TaskResult.MetricsOnly("de_de", metrics), TaskResult.MetricsOnly("en_de", metrics)]));

        Assert.Contains("Task 'en_de' has two results", error.Message);
    }
}
