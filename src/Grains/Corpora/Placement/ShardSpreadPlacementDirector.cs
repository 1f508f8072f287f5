using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Grains.Corpora.Placement;

/// <summary>Picks silo (shard index mod silos) among the silos that can host the shard, ordered by address.</summary>
public sealed class ShardSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"no silo can host the shard {target.GrainIdentity}");
        }

        var ordered = silos.Order().ToArray();
        var index = ShardKey.Parse(target.GrainIdentity.Key.ToString()!).Index;
        return Task.FromResult(ordered[index % ordered.Length]);
    }
}
