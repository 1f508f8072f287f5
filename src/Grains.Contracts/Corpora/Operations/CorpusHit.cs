namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>One search result: a corpus row and its float64 score (higher = more similar).</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct CorpusHit([property: Id(0)] long Row, [property: Id(1)] double Score);
