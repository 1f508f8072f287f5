using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.Grains.Evaluation.Reports.Markdown;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// <c>simctl eval</c> without <c>--cluster</c> runs its job on a silo inside the process and writes what the direct
/// in-process evaluator (the path before jobs) writes, byte for byte: <c>--output</c> and all three report files.
/// </summary>
public sealed class EvalInProcessTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("bert-mean", "stsb", "dev")]
    [InlineData("albert-cross-encoder", "mrpc", "train")]
    public async Task In_process_eval_writes_the_direct_evaluators_report_byte_for_byte(string model, string suite, string split)
    {
        var output = _scratch.File("report.json");
        var folder = _scratch.File("reports");

        var result = await Simctl.RunAsync(
            "eval", "--model", SharedFolder.Model(model), "--suite", suite, "--data", SharedFolder.Data, "--split", split, "--output", output, "--report-dir", folder);

        CliAssert.Succeeded(result);
        var direct = await DirectEvaluation.ReportAsync(new ClusterTestModel(model), model, suite, split);
        var json = EvaluationReportJson.Document(direct);
        Assert.Equal(json, File.ReadAllText(output));
        Assert.Equal(json, File.ReadAllText(Path.Combine(folder, ReportFolder.JsonFile)));
        Assert.Equal(MarkdownReport.Render(direct), File.ReadAllText(Path.Combine(folder, ReportFolder.MarkdownFile)));
        Assert.Equal(HtmlReport.Render(direct), File.ReadAllText(Path.Combine(folder, ReportFolder.HtmlFile)));
        Assert.Empty(result.StandardError);
    }
}
