using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Markdown;

namespace Similarity.Grains.Tests.Evaluation.Reports;

public class MarkdownReportTests
{
    [Fact]
    public void A_multilingual_report_has_the_averages_by_group_the_task_rows_and_the_language_matrix()
    {
        var report = SampleReports.Multilingual();

        var lines = MarkdownReport.Render(report).Split('\n');

        Assert.Equal("# Evaluation of `bert-mean` on mstsb (dev)", lines[0]);
        Assert.Contains("| bert-mean | mstsb | dev | 3 | 9 | fisher_z |", lines);
        Assert.Contains("| tasks | pearson_cosine | spearman_cosine |", lines);
        Assert.Contains($"| all tasks (3) | {F(report.Average["pearson_cosine"])} | NaN |", lines);
        var monolingual = TaskAverager.Average([report.Tasks[0], report.Tasks[2]], TaskAveraging.FisherZ);
        Assert.Contains($"| monolingual (2) | {F(monolingual["pearson_cosine"])} | {F(monolingual["spearman_cosine"])} |", lines);
        Assert.Contains("| cross-lingual (1) | 0.5000 | NaN |", lines);
        Assert.Contains("| en_de | 0.5000 | NaN |", lines);
        Assert.Contains("## `spearman_cosine` by language pair", lines);
        Assert.Contains("|  | de | en |", lines);
        Assert.Contains("| **de** | 0.7000 |  |", lines);
        Assert.Contains("| **en** | NaN | 0.8500 |", lines);
    }

    [Fact]
    public void A_pair_classification_task_is_a_table_of_measures_by_function()
    {
        var lines = MarkdownReport.Render(SampleReports.Classification()).Split('\n');

        Assert.DoesNotContain("## Averages", lines);
        Assert.Contains("### mrpc", lines);
        Assert.Contains("| measure | cosine | dot | manhattan | euclidean |", lines);
        Assert.Contains("| f1_threshold | 0.4000 | 0.4000 | 0.4000 | 0.4000 |", lines);
        Assert.DoesNotContain(lines, l => l.Contains("by language pair", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_cells_cannot_break_out_of_their_column()
    {
        var report = EvaluationReport.Create("a|b", "stsb", "dev", TaskAveraging.Mean,
            [TaskResult.MetricsOnly("x|y", new OrderedDictionary<string, double> { ["pearson_cosine"] = 0.25 })]);

        var lines = MarkdownReport.Render(report).Split('\n');

        Assert.Contains(@"| a\|b | stsb | dev | 1 | - | mean |", lines);
        Assert.Contains(@"| x\|y | 0.2500 |", lines);
    }

    private static string F(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
