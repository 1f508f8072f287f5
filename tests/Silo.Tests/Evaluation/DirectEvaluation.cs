using System.Collections.Concurrent;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.Grains.Evaluation.Reports.Markdown;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// The reference a job must match: the suite evaluated directly in this process, no grains and no cluster, the way
/// <c>simctl eval</c> evaluated before jobs: the model opened by the inference layer, all tasks through the evaluators at
/// once (distinct inputs encoded once), one report.
/// </summary>
internal static class DirectEvaluation
{
    private static readonly ConcurrentDictionary<(string Fixture, string Suite, string Split), Lazy<Task<IReadOnlyList<TaskResult>>>> Results = new();

    /// <summary>The direct report of <paramref name="model"/>, named <paramref name="name"/>, on a suite split (evaluated once per test run).</summary>
    public static async Task<EvaluationReport> ReportAsync(ClusterTestModel model, string name, string suite, string split)
    {
        var loaded = Load(suite, split);
        var results = await Results.GetOrAdd((model.Fixture, suite, split), _ => new Lazy<Task<IReadOnlyList<TaskResult>>>(() => EvaluateAsync(model, loaded))).Value;
        return EvaluationReport.Create(name, loaded.Suite, loaded.Split, loaded.Averaging, results);
    }

    /// <summary>The direct report of <paramref name="model"/>, named <paramref name="name"/>, on a suite a test wrote itself.</summary>
    public static async Task<EvaluationReport> ReportAsync(ClusterTestModel model, string name, LoadedSuite loaded) =>
        EvaluationReport.Create(name, loaded.Suite, loaded.Split, loaded.Averaging, await EvaluateAsync(model, loaded));

    public static LoadedSuite Load(string suite, string split) => SuiteCatalog.Default.Find(suite).Load(SharedFolder.Data, split);

    private static Task<IReadOnlyList<TaskResult>> EvaluateAsync(ClusterTestModel model, LoadedSuite loaded)
    {
        var opened = model.Reference;
        var evaluated = opened.Kind == Inference.Models.Folders.ModelFolderKind.SentenceTransformer
            ? EvaluatedModel.Of(opened.Encoder)
            : EvaluatedModel.Of(opened.Classifier);
        return new TaskEvaluator().EvaluateAsync(evaluated, loaded.Kind, loaded.Tasks);
    }

    /// <summary>Every form a report is written in (JSON, Markdown, HTML with the plots' data): equal forms mean equal numbers and plots.</summary>
    public static void AssertSame(EvaluationReport expected, EvaluationReport actual)
    {
        Assert.Equal(EvaluationReportJson.Document(expected), EvaluationReportJson.Document(actual));
        Assert.Equal(MarkdownReport.Render(expected), MarkdownReport.Render(actual));
        Assert.Equal(HtmlReport.Render(expected), HtmlReport.Render(actual));
    }
}
