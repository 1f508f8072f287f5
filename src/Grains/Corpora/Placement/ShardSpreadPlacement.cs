using Orleans.Runtime;

namespace Similarity.Grains.Corpora.Placement;

/// <summary>
/// Places shard <c>i</c> of a corpus on the i-th of the compatible silos (ordered by address, modulo their number), so a
/// corpus's shards, and the memory their rows take, are dealt out evenly instead of landing where their first caller is.
/// </summary>
[GenerateSerializer]
[Immutable]
[SuppressReferenceTracking]
public sealed class ShardSpreadPlacement : PlacementStrategy;
