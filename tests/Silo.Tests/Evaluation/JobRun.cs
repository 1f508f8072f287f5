using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.Running;
using Similarity.Grains.Evaluation.Reports;

namespace Similarity.Silo.Tests.Evaluation;

/// <summary>Submits a suite split as a job through the SDK, as <c>simctl eval</c> does, and follows it to its report.</summary>
internal static class JobRun
{
    public static EvaluationJobRequest Request(string model, string suite, string split) =>
        PairTaskData.Request(DirectEvaluation.Load(suite, split), model, DeviceClass.Cpu);

    public static Task<EvaluationReport> ReportAsync(SimilarityClient client, string model, string suite, string split) =>
        ReportAsync(client, Request(model, suite, split));

    public static async Task<EvaluationReport> ReportAsync(SimilarityClient client, EvaluationJobRequest request)
    {
        var jobs = client.Evaluations;
        var id = await jobs.SubmitAsync(request);
        var status = await WaitAsync(client, id);
        Assert.True(status.State == EvaluationJobState.Completed, $"job {id} ended {status.State}: {status.Error}");
        return (await jobs.GetReportAsync(id)).ToEvaluationReport();
    }

    /// <summary>Follows a job to its end, failing the test if that takes more than <paramref name="seconds"/>.</summary>
    public static async Task<EvaluationJobStatus> WaitAsync(SimilarityClient client, string id, int seconds = 90)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await client.Evaluations.WaitAsync(id, cancellationToken: deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var status = await client.Evaluations.GetStatusAsync(id);
            throw new TimeoutException($"job {id} still {status.State} after {seconds} s: {status.TasksDone}/{status.Tasks} tasks, {status.PairsEncoded}/{status.Pairs} pairs");
        }
    }
}
