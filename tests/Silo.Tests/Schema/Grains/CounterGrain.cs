using Orleans.Runtime;

namespace Similarity.Silo.Tests.Schema.Grains;

public sealed class CounterGrain([PersistentState("count", ClusterOnSchema.StateStore)] IPersistentState<CounterState> count)
    : Grain, INamedCounterGrain, INumberedCounterGrain
{
    public async Task<int> Add(int amount)
    {
        count.State.Count += amount;
        await count.WriteStateAsync();
        return count.State.Count;
    }

    public Task<int> Read() => Task.FromResult(count.State.Count);

    public Task<string> Activation() => Task.FromResult(GrainContext.ActivationId.ToString());

    public Task Forget() => count.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
