namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// One tile of a distributed operation, sent to shard i: its rows × the rows of shard <see cref="Other"/> (i ≤ other),
/// listed as <see cref="Kind"/> says, over the rows with ids below <see cref="EndRow"/> (the rows of completed adds). A pure function of the two shards' rows, so a tile lost with a silo is run again.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record TileJob(
    [property: Id(0)] int Other,
    [property: Id(1)] TileKind Kind,
    [property: Id(2)] int TopK,
    [property: Id(3)] ScoreFunction Function,
    [property: Id(4)] double Threshold,
    [property: Id(5)] long EndRow);
