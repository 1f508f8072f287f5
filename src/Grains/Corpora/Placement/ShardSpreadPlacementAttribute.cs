using Orleans.Placement;

namespace Similarity.Grains.Corpora.Placement;

/// <summary>Places a grain keyed by a shard key by <see cref="ShardSpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardSpreadPlacementAttribute() : PlacementAttribute(new ShardSpreadPlacement());
