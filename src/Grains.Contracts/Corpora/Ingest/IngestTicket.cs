namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>
/// An add the corpus accepted: its id, the row id and batch sequence number it starts at, the width its rows must have,
/// and where each batch goes.
/// Batch <c>k</c> holds the rows from <see cref="FirstRow"/> + (rows of batches before it), has sequence number
/// <see cref="FirstSequence"/> + k, is stored by shard (sequence mod <see cref="Shards"/>) and travels on lane k mod
/// <see cref="Lanes"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record IngestTicket(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Corpus,
    [property: Id(2)] string Model,
    [property: Id(3)] DeviceClass Device,
    [property: Id(4)] StoragePrecision Precision,
    [property: Id(5)] int Shards,
    [property: Id(6)] int Lanes,
    [property: Id(7)] long FirstRow,
    [property: Id(8)] long FirstSequence,
    [property: Id(9)] int Dimension)
{
    /// <summary>The shard that stores the batch with sequence number <paramref name="sequence"/>.</summary>
    public int ShardOf(long sequence) => (int)(sequence % Shards);

    /// <summary>The key of the stream (in <see cref="CorpusStreams.Namespace"/>) of lane <paramref name="lane"/>: batch k goes on lane k mod <see cref="Lanes"/>.</summary>
    public string LaneKey(int lane) => CorpusStreams.LaneKey(Corpus, Id, lane);
}
