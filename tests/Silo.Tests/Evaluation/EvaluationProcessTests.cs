using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.Grains.Evaluation.Reports.Markdown;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// An evaluation job on two <c>simctl silo</c> processes on PostgreSQL, one SIGKILLed mid-job: the job completes, and its
/// report, fetched by another process after the submitting client has gone, is byte for byte the direct in-process one
/// (which <c>simctl eval</c> without <c>--cluster</c> writes: <see cref="EvalInProcessTests"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EvaluationProcessTests(PostgresDatabases databases) : IDisposable
{
    private const string Model = "bert-mean";
    private const string Suite = "sts12-16";
    private const string Split = "test";
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_silo_killed_mid_job_leaves_a_report_equal_to_the_in_process_one()
    {
        var silos = new SiloProcessCluster(await databases.CreateAsync(), "eval-" + Guid.NewGuid().ToString("N")[..10]);
        await using var doomed = silos.Start("doomed", SharedFolder.Model(Model));
        await using var survivor = silos.Start("survivor", SharedFolder.Model(Model));
        await silos.WaitForActiveAsync(2, doomed, survivor);
        string id;
        await using (var submitter = await silos.ConnectAsync())
        {
            id = await submitter.Evaluations.SubmitAsync(JobRun.Request(Model, Suite, Split));
            await SiloProcessCluster.WaitUntilAsync(async () => await MidwayAsync(submitter, id), doomed, survivor);
            doomed.Kill();
        }

        var folder = _scratch.File("cluster");
        var fetched = await Simctl.RunAsync(["eval", "report", id, "--wait", "--report-dir", folder, .. silos.Arguments]);

        CliAssert.Succeeded(fetched);
        var direct = await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, Model, Suite, Split);
        Assert.Equal(EvaluationReportJson.Document(direct), File.ReadAllText(Path.Combine(folder, ReportFolder.JsonFile)));
        Assert.Equal(MarkdownReport.Render(direct), File.ReadAllText(Path.Combine(folder, ReportFolder.MarkdownFile)));
        Assert.Equal(HtmlReport.Render(direct), File.ReadAllText(Path.Combine(folder, ReportFolder.HtmlFile)));
        var status = await Simctl.RunAsync(["eval", "status", id, .. silos.Arguments]);
        CliAssert.Succeeded(status);
        Assert.Contains($"state: completed   tasks: {direct.Tasks.Count}/{direct.Tasks.Count} done", status.StandardOutput);
    }

    /// <summary>True once some of the job's tasks are done and others are not; the job must not end before that.</summary>
    private static async Task<bool> MidwayAsync(Client.SimilarityClient client, string id)
    {
        var status = await client.Evaluations.GetStatusAsync(id);
        Assert.True(status.State == EvaluationJobState.Running && status.TasksDone < status.Tasks, $"the job ended ({status.State}) before a silo was killed");
        return status.TasksDone >= 2;
    }
}
