using Orleans.Runtime.Placement;
using Similarity.Client;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs;
using Similarity.Grains.Serving;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>
/// A job whose own silo is killed mid-way, with its tasks: it resumes on the survivor from its persisted record (when a
/// client asks about it, or by its reminder when none does), reruns only the tasks that had not finished, and reports
/// exactly the numbers of the direct in-process evaluator.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class JobSiloLossTests(PostgresDatabases databases)
{

    [Fact]
    public async Task A_job_whose_silo_is_killed_mid_way_completes_with_the_direct_numbers_rerunning_only_unfinished_tasks()
    {
        await using var cluster = await EvaluationCluster.StartAsync(databases);
        await using var client = cluster.Sdk();
        var doomed = cluster.Models.Silos[1];
        var id = await SubmitOnAsync(doomed, client, "mstsb", "dev");

        await WaitForProgressAsync(client, id);
        await cluster.Models.Orleans.KillSiloAsync(doomed);
        var status = await JobRun.WaitAsync(client, id);

        Assert.Equal(EvaluationJobState.Completed, status.State);
        var report = (await client.Evaluations.GetReportAsync(id)).ToEvaluationReport();
        DirectEvaluation.AssertSame(await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, EvaluationCluster.BiEncoder, "mstsb", "dev"), report);
        var survivorTexts = cluster.Models.Service<ServedModels>(cluster.Models.Silos[0]).Get(EvaluationCluster.BiEncoder).Statistics!.Value.Texts;
        Assert.InRange(survivorTexts, 1, TextsOfEveryTask("mstsb", "dev") - 1);
    }

    [Fact]
    public async Task A_job_whose_silo_is_killed_while_no_client_asks_is_resumed_by_its_reminder()
    {
        await using var cluster = await EvaluationCluster.StartAsync(databases, jobs: options => options.ResumePeriod = TimeSpan.FromSeconds(1));
        await using var client = cluster.Sdk();
        var doomed = cluster.Models.Silos[1];
        var id = await SubmitOnAsync(doomed, client, "sts12-16", "test");
        var tasks = DirectEvaluation.Load("sts12-16", "test").Tasks.Select(t => t.Name).ToArray();

        await WaitForProgressAsync(client, id);
        await cluster.Models.Orleans.KillSiloAsync(doomed);

        // Only the job starts its tasks: results appearing while nobody asks the job mean its reminder brought it back.
        await WaitForResultsAsync(cluster, id, tasks);
        var status = await JobRun.WaitAsync(client, id);
        Assert.Equal(EvaluationJobState.Completed, status.State);
        var report = (await client.Evaluations.GetReportAsync(id)).ToEvaluationReport();
        DirectEvaluation.AssertSame(await DirectEvaluation.ReportAsync(ClusterTestModel.BiEncoder, EvaluationCluster.BiEncoder, "sts12-16", "test"), report);
    }

    /// <summary>Submits the suite with the job, and through it every task grain, placed on <paramref name="silo"/>.</summary>
    private static async Task<string> SubmitOnAsync(Orleans.TestingHost.InProcessSiloHandle silo, SimilarityClient client, string suite, string split)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            return await client.Evaluations.SubmitAsync(JobRun.Request(EvaluationCluster.BiEncoder, suite, split));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    /// <summary>Waits until some tasks are done and others are not: the middle of the job.</summary>
    private static async Task WaitForProgressAsync(SimilarityClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await client.Evaluations.GetStatusAsync(id);
            Assert.True(status.TasksDone < status.Tasks, "the job finished before the silo was killed: the test needs a larger suite");
            if (status.TasksDone >= 2)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {id} made no progress: {status.TasksDone}/{status.Tasks} tasks");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits, asking only the task grains (which never start themselves), until every task has its result.</summary>
    private static async Task WaitForResultsAsync(EvaluationCluster cluster, string id, string[] tasks)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var pending = tasks.ToList();
        while (pending.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{pending.Count} tasks of job {id} have no result a minute after the kill: the job was not resumed");
            var answers = await Task.WhenAll(pending.Select(async task => (Task: task, Done: await HasResultAsync(cluster, id, task))));
            pending = answers.Where(answer => !answer.Done).Select(answer => answer.Task).ToList();
            await Task.Delay(200);
        }
    }

    private static async Task<bool> HasResultAsync(EvaluationCluster cluster, string id, string task)
    {
        try
        {
            await cluster.Client.GetGrain<IEvaluationTaskGrain>(EvaluationJobIds.TaskKey(id, task)).GetResultAsync();
            return true;
        }
        catch (Exception e) when (e is InvalidRequestException || TransientFailure.IsTransient(e))
        {
            return false;
        }
    }

    /// <summary>What the model encodes when every task runs once: each task's distinct sentences.</summary>
    private static long TextsOfEveryTask(string suite, string split) =>
        DirectEvaluation.Load(suite, split).Tasks.Sum(task => (long)task.First.Concat(task.Second).Distinct(StringComparer.Ordinal).Count());
}
