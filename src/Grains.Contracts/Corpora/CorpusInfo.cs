using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// A corpus as it is now: its spec, the rows every completed add stored (row ids 0 to <see cref="Rows"/> - 1, in the
/// order they were added), its shards and, while an add runs, that add's progress.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record CorpusInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Model,
    [property: Id(2)] int? Dimension,
    [property: Id(3)] StoragePrecision Precision,
    [property: Id(4)] long Rows,
    [property: Id(5)] ShardInfo[] Shards,
    [property: Id(6)] IngestProgress? Ingest,
    [property: Id(7)] DateTimeOffset CreatedAt);
