using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Tests.Evaluation.Reports;

/// <summary>Small reports with plot data, built from task results as an aggregating grain would receive them.</summary>
internal static class SampleReports
{
    /// <summary>mstsb-like: <c>de_de</c>, <c>en_de</c>, <c>en_en</c>, each with a 3-point scatter; <c>en_de</c>'s spearman is NaN.</summary>
    public static EvaluationReport Multilingual() => EvaluationReport.Create("bert-mean", "mstsb", "dev", TaskAveraging.FisherZ,
    [
        Sts("de_de", 0.8, 0.7),
        Sts("en_de", 0.5, double.NaN),
        Sts("en_en", 0.9, 0.85),
    ]);

    /// <summary>mrpc-like: one task with the 32 bi-encoder metrics and a curve per function.</summary>
    public static EvaluationReport Classification()
    {
        string[] measures = ["accuracy", "accuracy_threshold", "f1", "f1_threshold", "precision", "recall", "ap", "mcc"];
        var metrics = new OrderedDictionary<string, double>();
        var curves = new List<PrecisionRecallCurve>();
        foreach (var function in SimilarityFunctionNames.All.Select(f => f.Name()))
        {
            for (var m = 0; m < measures.Length; m++)
            {
                metrics[$"{function}_{measures[m]}"] = (m + 1) / 10.0;
            }

            curves.Add(PrecisionRecallSweep.Compute(function, [0.9, 0.8, 0.4, 0.3], [1, 0, 1, 0]));
        }

        return EvaluationReport.Create("bert-mean", "mrpc", "train", TaskAveraging.Mean, [new TaskResult("mrpc", 4, metrics, null, curves)]);
    }

    public static TaskResult Sts(string name, double pearson, double spearman) => new(
        name,
        3,
        new OrderedDictionary<string, double> { ["pearson_cosine"] = pearson, ["spearman_cosine"] = spearman },
        ScatterSampler.Sample("cosine", [0.0, 0.5, 1.0], [0.1, 0.6, 0.7]),
        []);
}
