using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.Running;
using Similarity.Grains.Metrics;
using Similarity.Grains.Serving;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// Evaluation jobs on a two-silo test cluster with grain state and reminders on PostgreSQL: a job's report is the direct
/// in-process evaluator's to the last bit (JSON, Markdown and the HTML's plot data), wherever its tasks ran; a finished
/// job answers from storage; bad requests and unserved models are clear errors.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EvaluationJobTests(PostgresDatabases databases) : IAsyncLifetime
{
    private EvaluationCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EvaluationCluster.StartAsync(databases);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(EvaluationCluster.BiEncoder, "stsb", "dev")]
    [InlineData(EvaluationCluster.CrossEncoder, "mrpc", "train")]
    public async Task A_job_reports_exactly_what_the_direct_evaluator_reports(string model, string suite, string split)
    {
        await using var client = _cluster.Sdk();

        var report = await JobRun.ReportAsync(client, model, suite, split);

        var direct = await DirectEvaluation.ReportAsync(Fixture(model), model, suite, split);
        DirectEvaluation.AssertSame(direct, report);
    }

    [Fact]
    public async Task An_mstsb_job_spreads_its_21_tasks_over_both_silos_shares_their_sentences_and_reports_exactly_the_direct_numbers()
    {
        await using var client = _cluster.Sdk();

        var report = await JobRun.ReportAsync(client, EvaluationCluster.BiEncoder, "mstsb", "dev");

        Assert.Equal(21, report.Tasks.Count);
        DirectEvaluation.AssertSame(await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, EvaluationCluster.BiEncoder, "mstsb", "dev"), report);
        var encoded = _cluster.Models.Silos.Select(silo => _cluster.Models.Service<ServedModels>(silo).Get(EvaluationCluster.BiEncoder).Statistics!.Value.Texts).ToArray();
        Assert.All(encoded, texts => Assert.True(texts > 0, "a silo encoded none of the texts"));
        var tasks = DirectEvaluation.Load("mstsb", "dev").Tasks;
        var eachTaskAlone = tasks.Sum(task => (long)task.First.Concat(task.Second).Distinct(StringComparer.Ordinal).Count());
        Assert.True(encoded.Sum() < eachTaskAlone, $"{encoded.Sum()} texts encoded: the tasks' shared English side was encoded task by task ({eachTaskAlone})");
    }

    [Fact]
    public async Task A_suite_in_the_31_file_layout_of_the_mstsb_test_split_is_a_job_of_31_tasks_averaged_by_fisher_z_as_the_direct_evaluator()
    {
        using var scratch = new ScratchFolder();
        var pairs = WriteMstsbTestLayout(scratch, rows: 40);
        var suite = SuiteCatalog.Default.Find("mstsb").Load(scratch.Path, "test");
        await using var client = _cluster.Sdk();

        var report = await JobRun.ReportAsync(client, PairTaskData.Request(suite, EvaluationCluster.BiEncoder, DeviceClass.Cpu));

        Assert.Equal(31, pairs.Length);
        Assert.Equal(pairs.Order(StringComparer.Ordinal), report.Tasks.Select(task => task.Name));
        Assert.Equal(TaskAveraging.FisherZ, report.Averaging);
        var fisherZ = FisherZ.Average(report.Tasks.Select(task => task.Metrics["spearman_cosine"]).ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(fisherZ), BitConverter.DoubleToInt64Bits(report.Average["spearman_cosine"]));
        DirectEvaluation.AssertSame(await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, EvaluationCluster.BiEncoder, suite), report);
    }

    [Fact]
    public async Task A_finished_job_answers_from_storage_after_its_grains_are_gone()
    {
        string id;
        await using (var submitter = _cluster.Sdk())
        {
            id = await submitter.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, "stsb", "dev"));
            await JobRun.WaitAsync(submitter, id);
        }

        await _cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await using var other = _cluster.Sdk();
        var status = await other.Evaluations.GetStatusAsync(id);
        var report = (await other.Evaluations.GetReportAsync(id)).ToEvaluationReport();

        Assert.Equal((EvaluationJobState.Completed, 1, 1, 1500L, 1500L), (status.State, status.Tasks, status.TasksDone, status.Pairs, status.PairsEncoded));
        Assert.NotNull(status.FinishedAt);
        DirectEvaluation.AssertSame(await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, EvaluationCluster.BiEncoder, "stsb", "dev"), report);
    }

    [Fact]
    public async Task A_job_for_a_model_no_silo_serves_fails_and_its_status_says_why()
    {
        await using var client = _cluster.Sdk();
        var id = await client.Evaluations.SubmitAsync(JobRun.Request("absent", "stsb", "dev"));

        var status = await JobRun.WaitAsync(client, id);

        Assert.Equal(EvaluationJobState.Failed, status.State);
        Assert.Equal("task 'stsb': no live silo serves the model 'absent'", status.Error);
        Assert.Equal(status.Error, (await client.Evaluations.GetStatusAsync(id)).Error);
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.GetReportAsync(id));
        Assert.Equal($"evaluation job '{id}' failed: task 'stsb': no live silo serves the model 'absent'", error.Message);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_by_the_job_and_nothing_is_stored()
    {
        var request = JobRun.Request(EvaluationCluster.BiEncoder, "stsb", "dev");
        var task = request.Tasks[0];
        var malformed = request with { Tasks = [task with { Gold = task.Gold[..^1] }] };
        var job = _cluster.Client.GetGrain<IEvaluationJobGrain>("stsb-dev-malformed");

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => job.SubmitAsync(malformed));

        Assert.Equal("task 'stsb' has 1500 first sentences, 1500 second sentences and 1499 gold values; they must match", error.Message);
        var unknown = await Assert.ThrowsAsync<InvalidRequestException>(() => job.GetStatusAsync());
        Assert.Equal("no evaluation job 'stsb-dev-malformed' was submitted to this cluster", unknown.Message);
    }

    [Fact]
    public async Task Submitting_the_same_request_again_only_follows_the_job_and_other_work_under_its_id_is_refused()
    {
        var request = JobRun.Request(EvaluationCluster.BiEncoder, "stsb", "dev");
        var job = _cluster.Client.GetGrain<IEvaluationJobGrain>("stsb-dev-twice");
        var first = await job.SubmitAsync(request);

        var again = await job.SubmitAsync(request);
        var other = await Assert.ThrowsAsync<InvalidRequestException>(() => job.SubmitAsync(request with { Split = "train" }));

        Assert.Equal(first.SubmittedAt, again.SubmittedAt);
        Assert.Equal("evaluation job 'stsb-dev-twice' was submitted with other work; submit under a new id", other.Message);
        await using var client = _cluster.Sdk();
        Assert.Equal(EvaluationJobState.Completed, (await JobRun.WaitAsync(client, "stsb-dev-twice")).State);
    }

    [Fact]
    public async Task Asking_for_a_job_that_was_never_submitted_names_it()
    {
        await using var client = _cluster.Sdk();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.GetReportAsync("stsb-dev-000000000000"));

        Assert.Equal(("job", "no evaluation job 'stsb-dev-000000000000' was submitted to this cluster"), (error.Parameter, error.Message));
    }

    /// <summary>
    /// Writes <c>mstsb/test.&lt;l1&gt;_&lt;l2&gt;.tsv</c> as the published test split lays it out (11 monolingual, 10 en_xx
    /// and 10 xx_en tasks), each the first <paramref name="rows"/> rows of the dev split's file (xx_en: en_xx swapped);
    /// returns the task names.
    /// </summary>
    private static string[] WriteMstsbTestLayout(ScratchFolder scratch, int rows)
    {
        var dev = Path.Combine(SharedFolder.Data, "mstsb-dev");
        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dev, "dev.*.tsv"))
        {
            var pair = Path.GetFileNameWithoutExtension(file)["dev.".Length..];
            var lines = File.ReadLines(file).Take(rows + 1).ToArray();
            scratch.WriteLines($"mstsb/test.{pair}.tsv", lines);
            names.Add(pair);
            if (pair[..2] != pair[3..])
            {
                var swapped = pair[3..] + "_" + pair[..2];
                scratch.WriteLines($"mstsb/test.{swapped}.tsv", lines.Select(line => line.Split('\t') is var c ? $"{c[0]}\t{c[2]}\t{c[1]}" : line));
                names.Add(swapped);
            }
        }

        return [.. names];
    }

    private static ClusterTestModel Fixture(string model) => model == EvaluationCluster.BiEncoder ? ClusterTestModel.BiEncoder : ClusterTestModel.CrossEncoder;
}
