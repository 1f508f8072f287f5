using System.Text.Json;
using System.Text.RegularExpressions;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// <c>simctl eval --cluster</c> against two silos on PostgreSQL: it prints its job's id on stderr and the same bytes as
/// in process on stdout; <c>eval status</c> and <c>eval report</c> find the job afterwards from other processes, and a
/// job that failed says why.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class EvalThroughClusterTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private const string Model = "bert-mean";
    private readonly ScratchFolder _scratch = new();
    private PostgresSilos _silos = null!;

    public async Task InitializeAsync() =>
        _silos = await PostgresSilos.StartAsync(await databases.CreateAsync(), 2, new Dictionary<string, string> { [Model] = SharedFolder.Model(Model) });

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Eval_through_the_cluster_prints_its_job_and_the_in_process_bytes_and_the_job_can_be_queried_afterwards()
    {
        string[] args = ["eval", "--suite", "sts12-16", "--data", SharedFolder.Data, "--split", "test"];
        var local = await Simctl.RunAsync([.. args, "--model", SharedFolder.Model(Model)]);

        var remote = await Simctl.RunAsync([.. args, "--model", Model, .. _silos.Arguments]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.Equal(local.StandardOutputBytes, remote.StandardOutputBytes);
        var id = JobId(remote.StandardError);
        var status = await Simctl.RunAsync(["eval", "status", id, "--json", .. _silos.Arguments]);
        CliAssert.Succeeded(status);
        var json = JsonDocument.Parse(status.StandardOutput).RootElement;
        Assert.Equal((id, "completed", Model, "sts12-16", "test"), (json.GetProperty("job").GetString(), json.GetProperty("state").GetString(),
            json.GetProperty("model").GetString(), json.GetProperty("suite").GetString(), json.GetProperty("split").GetString()));
        Assert.Equal(json.GetProperty("tasks").GetInt32(), json.GetProperty("tasks_done").GetInt32());
        Assert.Equal(json.GetProperty("pairs").GetInt64(), json.GetProperty("pairs_encoded").GetInt64());
        var folder = _scratch.File("reports");
        var output = _scratch.File("report.json");
        var report = await Simctl.RunAsync(["eval", "report", id, "--report-dir", folder, "--output", output, .. _silos.Arguments]);
        CliAssert.Succeeded(report);
        Assert.Equal(local.StandardOutputBytes, File.ReadAllBytes(output));
        Assert.Equal(local.StandardOutputBytes, File.ReadAllBytes(Path.Combine(folder, ReportFolder.JsonFile)));
        Assert.StartsWith($"model: {Model}   suite: sts12-16   split: test", report.StandardOutput);
    }

    [Fact]
    public async Task A_job_for_a_model_the_cluster_does_not_serve_fails_and_status_and_report_say_why()
    {
        var result = await Simctl.RunAsync(["eval", "--suite", "stsb", "--data", SharedFolder.Data, "--split", "dev", "--model", "absent", .. _silos.Arguments]);

        Assert.NotEqual(0, result.ExitCode);
        var id = JobId(result.StandardError);
        Assert.Contains($"simctl: evaluation job '{id}' failed: task 'stsb': no live silo serves the model 'absent'", result.StandardError);
        var status = await Simctl.RunAsync(["eval", "status", id, .. _silos.Arguments]);
        CliAssert.Succeeded(status);
        Assert.Contains("state: failed", status.StandardOutput);
        Assert.Contains("error: task 'stsb': no live silo serves the model 'absent'", status.StandardOutput);
        var report = await Simctl.RunAsync(["eval", "report", id, .. _silos.Arguments]);
        CliAssert.OneLineError(report, $"evaluation job '{id}' failed: task 'stsb': no live silo serves the model 'absent'");
    }

    [Fact]
    public async Task A_malformed_line_is_one_error_naming_file_and_line_and_no_job_is_submitted()
    {
        _scratch.Write("sts12-16/2015.images.test.tsv", "score\ts1\ts2\n4.0\ta\tb\n");
        _scratch.Write("sts12-16/2016.answers.test.tsv", "score\ts1\ts2\n4.0\ta\tb\n2.5\tc\n");

        var result = await Simctl.RunAsync(["eval", "--model", Model, "--suite", "sts12-16", "--data", _scratch.Path, "--split", "test", .. _silos.Arguments]);

        CliAssert.OneLineError(result, "sts12-16/2016.answers.test.tsv line 3: expected 3 tab-separated columns (gold, sentence1, sentence2), found 2");
    }

    [Fact]
    public async Task A_job_id_the_cluster_never_saw_is_named()
    {
        var result = await Simctl.RunAsync(["eval", "status", "stsb-dev-000000000000", .. _silos.Arguments]);

        CliAssert.OneLineError(result, "no evaluation job 'stsb-dev-000000000000' was submitted to this cluster");
    }

    [Fact]
    public async Task Eval_list_cancel_and_delete_manage_a_running_job_from_other_processes()
    {
        var submitting = Simctl.RunAsync(["eval", "--suite", "stsb-multi-mt", "--data", SharedFolder.Data, "--split", "train", "--model", Model, .. _silos.Arguments]);
        string? id = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (id is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job was not listed within 120 s");
            var listed = await Simctl.RunAsync(["eval", "list", "--json", .. _silos.Arguments]);
            CliAssert.Succeeded(listed);
            var jobs = JsonDocument.Parse(listed.StandardOutput).RootElement.GetProperty("jobs");
            id = jobs.EnumerateArray().Select(j => j.GetProperty("job").GetString()).FirstOrDefault();
            Assert.True(id is null || jobs[0].GetProperty("state").GetString() == "running", $"the job ended before it could be cancelled: {listed.StandardOutput}");
        }

        var table = await Simctl.RunAsync(["eval", "list", .. _silos.Arguments]);
        var cancel = await Simctl.RunAsync(["eval", "cancel", id, .. _silos.Arguments]);
        var submitter = await submitting;
        var status = await Simctl.RunAsync(["eval", "status", id, .. _silos.Arguments]);
        var report = await Simctl.RunAsync(["eval", "report", id, .. _silos.Arguments]);
        var delete = await Simctl.RunAsync(["eval", "delete", id, .. _silos.Arguments]);
        var after = await Simctl.RunAsync(["eval", "list", "--json", .. _silos.Arguments]);

        CliAssert.Succeeded(table);
        Assert.Contains(id, table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("stsb-multi-mt", table.StandardOutput, StringComparison.Ordinal);
        CliAssert.Succeeded(cancel);
        Assert.StartsWith($"cancelled evaluation job {id} (", cancel.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, submitter.ExitCode);
        Assert.Contains($"simctl: evaluation job '{id}' was cancelled (", submitter.StandardError, StringComparison.Ordinal);
        CliAssert.Succeeded(status);
        Assert.Contains("state: cancelled", status.StandardOutput, StringComparison.Ordinal);
        CliAssert.OneLineError(report, $"evaluation job '{id}' was cancelled (", "it has no report");
        CliAssert.Succeeded(delete);
        Assert.Equal($"deleted evaluation job {id}\n", delete.StandardOutput);
        CliAssert.Succeeded(after);
        Assert.Equal(0, JsonDocument.Parse(after.StandardOutput).RootElement.GetProperty("jobs").GetArrayLength());
        CliAssert.OneLineError(await Simctl.RunAsync(["eval", "delete", id, .. _silos.Arguments]), $"no evaluation job '{id}' was submitted to this cluster");
        CliAssert.OneLineError(await Simctl.RunAsync(["eval", "cancel", "stsb-dev-000000000000", .. _silos.Arguments]), "no evaluation job 'stsb-dev-000000000000'");
    }

    /// <summary>The job id <c>simctl eval --cluster</c> printed on stderr.</summary>
    private static string JobId(string stderr)
    {
        var match = SubmittedLine().Match(stderr);
        Assert.True(match.Success, $"no job id on stderr: {stderr}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^evaluation job (\S+) submitted to cluster '", RegexOptions.Multiline)]
    private static partial Regex SubmittedLine();
}
