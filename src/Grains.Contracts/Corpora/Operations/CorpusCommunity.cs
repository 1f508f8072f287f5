namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>A community of corpus rows: its centre (the first member) and its members by descending cosine to the centre.</summary>
[GenerateSerializer]
[Immutable]
public sealed record CorpusCommunity([property: Id(0)] long Centre, [property: Id(1)] long[] Members);
