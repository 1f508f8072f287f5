namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// The ids of a cluster's evaluation jobs, one grain under the well-known key <see cref="EvaluationJobIds.Registry"/>:
/// jobs add themselves when submitted and remove themselves when deleted, so a client can list them. It never calls a job.
/// </summary>
public interface IEvaluationJobRegistryGrain : IGrainWithStringKey
{
    /// <summary>Lists job <paramref name="job"/> (idempotent).</summary>
    Task AddAsync(string job);

    /// <summary>Drops job <paramref name="job"/> (idempotent).</summary>
    Task RemoveAsync(string job);

    /// <summary>The ids of the jobs listed, in the order they were added.</summary>
    Task<string[]> GetJobsAsync();
}
