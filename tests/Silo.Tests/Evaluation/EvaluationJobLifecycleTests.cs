using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// Listing, cancelling and deleting evaluation jobs on a two-silo cluster with state on PostgreSQL: jobs list themselves,
/// a cancelled job starts no task and keeps no task result (not even of tasks running as it was cancelled) and refuses its
/// report, and a deleted job leaves neither record nor listing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EvaluationJobLifecycleTests(PostgresDatabases databases) : IAsyncLifetime
{
    private EvaluationCluster _cluster = null!;

    // One task at a time: a job is still running when the test has seen its first task done.
    public async Task InitializeAsync() => _cluster = await EvaluationCluster.StartAsync(databases, jobs: options => options.MaxRunningTasks = 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Jobs_are_listed_oldest_first_with_their_state_and_progress_until_deleted()
    {
        await using var client = _cluster.Sdk();
        var first = await client.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, "stsb", "dev"));
        await JobRun.WaitAsync(client, first);
        var second = await client.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, "stsb", "dev"));
        await JobRun.WaitAsync(client, second);

        var listed = await client.Evaluations.ListAsync();
        await client.Evaluations.DeleteAsync(first);
        var after = await client.Evaluations.ListAsync();

        Assert.Equal(
            [(first, "stsb", EvaluationJobState.Completed, 1, 1), (second, "stsb", EvaluationJobState.Completed, 1, 1)],
            listed.Select(j => (j.Id, j.Suite, j.State, j.TasksDone, j.Tasks)));
        Assert.Equal([second], after.Select(j => j.Id));
        var gone = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.GetStatusAsync(first));
        Assert.Contains($"'{first}'", gone.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidRequestException>(() => _cluster.Client.GetGrain<IEvaluationTaskGrain>(EvaluationJobIds.TaskKey(first, "stsb")).GetResultAsync());
    }

    [Fact]
    public async Task A_cancelled_job_starts_no_more_tasks_drops_their_results_and_refuses_its_report()
    {
        await using var client = _cluster.Sdk();
        var id = await client.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, "mstsb", "dev"));
        var tasks = DirectEvaluation.Load("mstsb", "dev").Tasks.Select(t => t.Name).ToArray();
        await WaitUntilAsync(async () => (await client.Evaluations.GetStatusAsync(id)).TasksDone >= 1);

        var cancelled = await client.Evaluations.CancelAsync(id);
        var again = await client.Evaluations.CancelAsync(id);

        Assert.Equal(EvaluationJobState.Cancelled, cancelled.State);
        Assert.InRange(cancelled.TasksDone, 1, tasks.Length - 1);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Equal(EvaluationJobState.Cancelled, again.State);

        // A task running as the job was cancelled finishes no later than this: none of them may store a result.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var task in tasks)
        {
            var grain = _cluster.Client.GetGrain<IEvaluationTaskGrain>(EvaluationJobIds.TaskKey(id, task));
            await Assert.ThrowsAsync<InvalidRequestException>(() => grain.GetResultAsync());
        }

        var status = await client.Evaluations.GetStatusAsync(id);
        Assert.Equal((EvaluationJobState.Cancelled, cancelled.TasksDone), (status.State, status.TasksDone));
        var report = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.GetReportAsync(id));
        Assert.Equal($"evaluation job '{id}' was cancelled ({cancelled.TasksDone} of {tasks.Length} tasks had finished); it has no report", report.Message);
        Assert.Contains(await client.Evaluations.ListAsync(), j => j.Id == id && j.State == EvaluationJobState.Cancelled);
    }

    [Fact]
    public async Task Deleting_a_running_job_cancels_it_and_leaves_nothing()
    {
        await using var client = _cluster.Sdk();
        var id = await client.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, "mstsb", "dev"));
        await WaitUntilAsync(async () => (await client.Evaluations.GetStatusAsync(id)).TasksDone >= 1);

        await client.Evaluations.DeleteAsync(id);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(await client.Evaluations.ListAsync(), j => j.Id == id);
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.GetStatusAsync(id));
        foreach (var task in DirectEvaluation.Load("mstsb", "dev").Tasks)
        {
            var grain = _cluster.Client.GetGrain<IEvaluationTaskGrain>(EvaluationJobIds.TaskKey(id, task.Name));
            await Assert.ThrowsAsync<InvalidRequestException>(() => grain.GetResultAsync());
        }
    }

    [Fact]
    public async Task Cancelling_or_deleting_an_unknown_job_names_it()
    {
        await using var client = _cluster.Sdk();

        var cancel = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.CancelAsync("stsb-dev-000000000000"));
        var delete = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Evaluations.DeleteAsync("stsb-dev-000000000000"));

        Assert.Equal("no evaluation job 'stsb-dev-000000000000' was submitted to this cluster", cancel.Message);
        Assert.Equal(cancel.Message, delete.Message);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await RetryPolicy.Default.RunAsync(_ => condition(), CancellationToken.None))
        {
            Assert.True(DateTime.UtcNow < deadline, "the job made no progress in 90 s");
            await Task.Delay(20);
        }
    }
}
