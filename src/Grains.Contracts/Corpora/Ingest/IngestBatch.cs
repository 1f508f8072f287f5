using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>
/// One batch of an add as it travels on an ingest stream: who it belongs to (corpus, add, sequence number), the row id
/// of its first row, the shard that stores it, the width its rows must have, and either texts for the corpus's model to encode or embeddings. Its
/// sequence number and first row make it idempotent: a batch delivered or published twice is stored once.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record IngestBatch(
    [property: Id(0)] string Corpus,
    [property: Id(1)] Guid Ingest,
    [property: Id(2)] long Sequence,
    [property: Id(3)] long FirstRow,
    [property: Id(4)] int Shard,
    [property: Id(5)] string Model,
    [property: Id(6)] DeviceClass Device,
    [property: Id(7)] StoragePrecision Precision,
    [property: Id(8)] string[]? Texts,
    [property: Id(9)] FloatMatrix? Embeddings,
    [property: Id(10)] int Dimension)
{
    public int Count => Texts?.Length ?? Embeddings?.Rows ?? 0;
}
