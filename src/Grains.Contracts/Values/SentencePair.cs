namespace Similarity.Grains.Contracts.Values;

/// <summary>Two texts a cross-encoder scores together, as a request carries them.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct SentencePair([property: Id(0)] string First, [property: Id(1)] string Second);
