namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>A tile's lists: the running shard's rows against the other shard's (<see cref="Own"/>), and the other's rows against it (empty on the diagonal).</summary>
[GenerateSerializer]
[Immutable]
public sealed record TileNeighbours(
    [property: Id(0)] NeighbourLists Own,
    [property: Id(1)] NeighbourLists Other);
