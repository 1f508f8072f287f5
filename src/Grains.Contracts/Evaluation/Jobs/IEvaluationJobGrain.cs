namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// An evaluation job, keyed by its id (<see cref="EvaluationJobIds"/>): splits a submitted suite into one task grain per
/// file or language pair, runs them on the silos, and aggregates their results into one report. Its state is persisted
/// and a reminder resumes it when its silo dies, so it can be queried and its report fetched after the client has gone.
/// A cancelled call only stops the caller waiting: a job runs on until it is done, or <see cref="CancelAsync"/> stops it.
/// It lists itself with the <see cref="IEvaluationJobRegistryGrain"/> when submitted and leaves it when deleted.
/// </summary>
public interface IEvaluationJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores every task's input with its task grain and starts the job. Idempotent: submitting the same request again
    /// (a retry after a lost answer) only makes sure it runs; another request under the same id is an <c>InvalidRequestException</c>.
    /// </summary>
    Task<EvaluationJobStatus> SubmitAsync(EvaluationJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>The job's state and progress; an id no job was submitted under is an <c>InvalidRequestException</c>.</summary>
    Task<EvaluationJobStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>The report of a completed job; a running, failed or cancelled job is an <c>InvalidRequestException</c> saying so.</summary>
    Task<EvaluationJobReport> GetReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a running job: no task starts any more, its tasks' inputs and results (also of tasks running now) are dropped,
    /// and it is <see cref="EvaluationJobState.Cancelled"/>. A job that has ended stays as it is. Returns its status.
    /// </summary>
    Task<EvaluationJobStatus> CancelAsync();

    /// <summary>Removes the job (cancelled first if it runs), its tasks' data and its registry entry; an unknown id is an <c>InvalidRequestException</c>.</summary>
    Task DeleteAsync();
}
