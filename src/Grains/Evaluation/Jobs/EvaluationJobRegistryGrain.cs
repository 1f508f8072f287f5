using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.State;

namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>The registry of a cluster's evaluation jobs (see <see cref="IEvaluationJobRegistryGrain"/>): one persisted list of ids.</summary>
internal sealed class EvaluationJobRegistryGrain(
    [PersistentState("evaluation-jobs")] IPersistentState<EvaluationJobRegistryState> registry) : Grain, IEvaluationJobRegistryGrain
{
    public async Task AddAsync(string job)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        if (!registry.State.Jobs.Contains(job, StringComparer.Ordinal))
        {
            registry.State.Jobs.Add(job);
            await registry.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string job)
    {
        if (registry.State.Jobs.Remove(job))
        {
            await registry.WriteStateAsync();
        }
    }

    public Task<string[]> GetJobsAsync() => Task.FromResult(registry.State.Jobs.ToArray());
}
