namespace Similarity.Grains.Contracts.Corpora;

/// <summary>One shard as it is now: its rows, its blocks, the bytes its rows take in silo memory, and the silo caching them.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardInfo(
    [property: Id(0)] int Index,
    [property: Id(1)] long Rows,
    [property: Id(2)] int Blocks,
    [property: Id(3)] long CachedBytes,
    [property: Id(4)] string Silo);
