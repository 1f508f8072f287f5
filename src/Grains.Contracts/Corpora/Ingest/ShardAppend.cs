using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>
/// Rows for a shard to store as one block: their embeddings (float32; the shard narrows them to its precision), their
/// texts when they came as texts, the add and sequence number they belong to and the row id of the first.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardAppend(
    [property: Id(0)] Guid Ingest,
    [property: Id(1)] long Sequence,
    [property: Id(2)] long FirstRow,
    [property: Id(3)] StoragePrecision Precision,
    [property: Id(4)] FloatMatrix Rows,
    [property: Id(5)] string[]? Texts);
