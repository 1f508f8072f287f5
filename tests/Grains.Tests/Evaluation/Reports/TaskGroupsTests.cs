using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class TaskGroupsTests
{
    private static readonly (string Name, double Spearman)[] Tasks =
    [
        ("de_de", 0.81), ("en_de", 0.62), ("en_en", 0.88), ("en_fr", 0.55), ("fr_fr", 0.79), ("en_ja", 0.31),
    ];

    [Fact]
    public void A_multilingual_report_averages_monolingual_and_cross_lingual_tasks_apart_through_fishers_z()
    {
        var report = Report(TaskAveraging.FisherZ);

        var groups = TaskGroups.Of(report);

        Assert.Equal(["all tasks (6)", "monolingual (3)", "cross-lingual (3)"], groups.Select(g => g.Label));
        Assert.Same(report.Average, groups[0].Average);
        Assert.Equal(NaiveMetrics.FisherZ([0.81, 0.88, 0.79]), groups[1].Average["spearman_cosine"], 12);
        Assert.Equal(NaiveMetrics.FisherZ([0.62, 0.55, 0.31]), groups[2].Average["spearman_cosine"], 12);
    }

    [Fact]
    public void Groups_follow_the_suites_averaging()
    {
        var groups = TaskGroups.Of(Report(TaskAveraging.Mean));

        Assert.Equal((0.62 + 0.55 + 0.31) / 3, groups[2].Average["spearman_cosine"], 12);
    }

    [Fact]
    public void Other_suites_have_only_the_average_of_all_tasks()
    {
        var report = EvaluationReport.Create("m", "sts12-16", "test", TaskAveraging.Mean,
            [Task("2012.MSRpar", 0.5), Task("2013.FNWN", 0.4)]);

        Assert.Equal(["all tasks (2)"], TaskGroups.Of(report).Select(g => g.Label));
    }

    private static EvaluationReport Report(TaskAveraging averaging) =>
        EvaluationReport.Create("m", "mstsb", "test", averaging, Tasks.Select(t => Task(t.Name, t.Spearman)));

    private static TaskResult Task(string name, double spearman) =>
        TaskResult.MetricsOnly(name, new OrderedDictionary<string, double> { ["spearman_cosine"] = spearman });
}
