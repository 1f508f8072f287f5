using Similarity.Cli.Commands.Streaming;
using Similarity.Client.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Reports;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// Follows an evaluation job to its end with a progress bar on a terminal (pairs encoded, tasks done), then fetches its
/// report; a failed or cancelled job is a <see cref="CliException"/> carrying the job's own error.
/// </summary>
internal static class JobFollower
{
    /// <summary>The report of job <paramref name="id"/>, named <paramref name="model"/>, once it completes.</summary>
    public static async Task<EvaluationReport> ReportAsync(EvaluationJobs jobs, string id, string description, string model, CancellationToken cancellationToken)
    {
        var status = await TerminalProgress.RunAsync(description, sink =>
            jobs.WaitAsync(id, new StatusProgress(sink), cancellationToken));
        if (status.State == EvaluationJobState.Failed)
        {
            throw new CliException($"evaluation job '{id}' failed: {status.Error}");
        }

        if (status.State == EvaluationJobState.Cancelled)
        {
            throw new CliException($"evaluation job '{id}' was cancelled ({status.TasksDone} of {status.Tasks} tasks had finished); it has no report");
        }

        return (await jobs.GetReportAsync(id, cancellationToken)).ToEvaluationReport(model);
    }

    /// <summary>Forwards each status the job reports to the bar as it arrives (no synchronisation context to post to).</summary>
    private sealed class StatusProgress(TerminalProgress.IProgressSink sink) : IProgress<EvaluationJobStatus>
    {
        public void Report(EvaluationJobStatus value) => sink.Report(value.PairsEncoded, value.Pairs, $"({value.TasksDone}/{value.Tasks} tasks)");
    }
}
