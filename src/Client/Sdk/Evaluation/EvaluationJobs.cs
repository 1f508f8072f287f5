using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Client.Evaluation;

/// <summary>
/// Evaluation jobs of a cluster: submit a suite as data (the client reads the files, the silos need not see them),
/// follow a job's progress, and fetch its report, also from another client after the submitting one has gone; list,
/// cancel and delete jobs. Every call
/// is retried while a silo is lost and the job moves to another.
/// </summary>
public sealed class EvaluationJobs
{
    /// <summary>How often <see cref="WaitAsync"/> asks a job how far it is.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(250);

    private readonly IGrainFactory _grains;
    private readonly Func<CancellationToken>? _attemptScope;

    internal EvaluationJobs(IGrainFactory grains, Func<CancellationToken>? attemptScope)
    {
        _grains = grains;
        _attemptScope = attemptScope;
    }

    /// <summary>
    /// Submits <paramref name="request"/> as a new job and returns its id once every task's input is stored and the job
    /// runs. A malformed request is an <c>InvalidRequestException</c> before anything is sent.
    /// </summary>
    public async Task<string> SubmitAsync(EvaluationJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var id = EvaluationJobIds.New(request.Suite, request.Split);
        await RunAsync(id, (job, attempt) => job.SubmitAsync(request, attempt), cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>The job's state and progress; an id no job was submitted under is an <c>InvalidRequestException</c>.</summary>
    public Task<EvaluationJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        RunAsync(jobId, (job, attempt) => job.GetStatusAsync(attempt), cancellationToken);

    /// <summary>Follows the job until it completes or fails, reporting each status it reads; returns the last one.</summary>
    public async Task<EvaluationJobStatus> WaitAsync(string jobId, IProgress<EvaluationJobStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
            progress?.Report(status);
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The report of a completed job; a running or failed job is an <c>InvalidRequestException</c> saying so.</summary>
    public Task<EvaluationJobReport> GetReportAsync(string jobId, CancellationToken cancellationToken = default) =>
        RunAsync(jobId, (job, attempt) => job.GetReportAsync(attempt), cancellationToken);

    /// <summary>
    /// The cluster's jobs (every state) that have not been deleted, oldest first. Jobs submitted to a silo in this process
    /// are listed only while it runs.
    /// </summary>
    public async Task<EvaluationJobStatus[]> ListAsync(CancellationToken cancellationToken = default)
    {
        var registry = _grains.GetGrain<IEvaluationJobRegistryGrain>(EvaluationJobIds.Registry);
        var ids = await RetryPolicy.Default.RunAsync(_ => registry.GetJobsAsync(), cancellationToken, _attemptScope).ConfigureAwait(false);
        var found = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidRequestException)
            {
                // Listed as it is submitted, before its record is written, or being deleted now.
                return null;
            }
        })).ConfigureAwait(false);
        return [.. found.OfType<EvaluationJobStatus>().OrderBy(status => status.SubmittedAt).ThenBy(status => status.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Cancels a running job: no task starts any more, results of tasks running now are dropped, and its report is refused;
    /// a job that has ended is left as it is. Returns the job's status.
    /// </summary>
    public Task<EvaluationJobStatus> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        RunAsync(jobId, (job, _) => job.CancelAsync(), cancellationToken);

    /// <summary>Deletes a job and its tasks' data (cancelling it first if it runs); an unknown id is an <c>InvalidRequestException</c> naming it.</summary>
    public Task DeleteAsync(string jobId, CancellationToken cancellationToken = default) =>
        RunAsync(
            jobId,
            async (job, _) =>
            {
                await job.DeleteAsync().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private Task<T> RunAsync<T>(string jobId, Func<IEvaluationJobGrain, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (!EvaluationJobIds.IsValid(jobId))
        {
            throw new ArgumentException($"'{jobId}' is not an evaluation job id (letters, digits, '.', '_' and '-', as simctl eval printed it)", nameof(jobId));
        }

        var job = _grains.GetGrain<IEvaluationJobGrain>(jobId);
        return RetryPolicy.Default.RunAsync(attempt => call(job, attempt), cancellationToken, _attemptScope);
    }
}
