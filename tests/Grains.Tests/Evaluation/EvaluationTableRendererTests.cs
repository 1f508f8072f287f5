using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Tests.Evaluation;

public class EvaluationTableRendererTests
{
    [Fact]
    public void A_multi_task_report_has_a_row_per_task_and_the_average()
    {
        var report = new EvaluationReport("bert-mean", "mstsb", "dev", TaskAveraging.FisherZ,
        [
            TaskResult.MetricsOnly("de_de", EvaluationReportJsonTests.Metrics(("pearson_cosine", 0.81234), ("spearman_cosine", 0.8))),
            TaskResult.MetricsOnly("en_de", EvaluationReportJsonTests.Metrics(("pearson_cosine", 0.6), ("spearman_cosine", double.NaN))),
        ],
        EvaluationReportJsonTests.Metrics(("pearson_cosine", 0.7172), ("spearman_cosine", double.NaN)));

        var lines = EvaluationTableRenderer.Render(report).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("model: bert-mean   suite: mstsb   split: dev", lines[0]);
        Assert.Equal(["task", "pearson_cosine", "spearman_cosine"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["de_de", "0.8123", "0.8000"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["en_de", "0.6000", "NaN"], lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["average", "(Fisher", "z)", "0.7172", "NaN"], lines[7].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_pair_classification_report_lists_measures_by_similarity_function()
    {
        string[] measures = ["accuracy", "accuracy_threshold", "f1", "f1_threshold", "precision", "recall", "ap", "mcc"];
        var metrics = new OrderedDictionary<string, double>();
        foreach (var function in SimilarityFunctionNames.All)
        {
            for (var m = 0; m < measures.Length; m++)
            {
                metrics[$"{function.Name()}_{measures[m]}"] = m / 10.0;
            }
        }

        var report = new EvaluationReport("bert-mean", "mrpc", "train", TaskAveraging.Mean, [TaskResult.MetricsOnly("mrpc", metrics)], metrics);

        var lines = EvaluationTableRenderer.Render(report).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("task: mrpc", lines[2]);
        Assert.Equal(["measure", "cosine", "dot", "manhattan", "euclidean"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["f1_threshold", "0.3000", "0.3000", "0.3000", "0.3000"], lines[8].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
