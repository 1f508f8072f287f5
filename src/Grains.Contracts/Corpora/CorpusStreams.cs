namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// The Orleans streams adds travel on: one stream provider (persistent on PostgreSQL in a cluster, in memory in an
/// embedded silo), configured alike on silos and clients, and per add a few lanes (streams) so several batches are
/// encoded and stored at once while each lane's consumer takes its batches one at a time.
/// </summary>
public static class CorpusStreams
{
    /// <summary>The stream provider's name on silos and clients.</summary>
    public const string Provider = "corpus-ingest";

    /// <summary>The namespace of ingest streams; the lane consumer grains subscribe to it implicitly.</summary>
    public const string Namespace = "corpus-ingest";

    /// <summary>The stream key of lane <paramref name="lane"/> of add <paramref name="ingest"/> to <paramref name="corpus"/>: <c>CORPUS/INGEST/LANE</c>.</summary>
    public static string LaneKey(string corpus, Guid ingest, int lane) => $"{corpus}/{ingest:N}/{lane}";
}
