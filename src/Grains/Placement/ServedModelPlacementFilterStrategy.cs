using Orleans.Placement;

namespace Similarity.Grains.Placement;

/// <summary>
/// The placement filter of worker grains. Orleans' own metadata filters compare a silo's metadata with the caller's;
/// a worker's silos depend on the grain's key (model and device), so this filter has its own director.
/// </summary>
public sealed class ServedModelPlacementFilterStrategy() : PlacementFilterStrategy(order: 0);
