namespace Similarity.Grains.Corpora.Ingest;

/// <summary>
/// The consumer of one ingest lane (stream), keyed like the stream (<c>CORPUS/INGEST/LANE</c>) and activated by its
/// implicit subscription. Silos only: nothing calls it but the stream.
/// </summary>
public interface IIngestLaneGrain : IGrainWithStringKey;
