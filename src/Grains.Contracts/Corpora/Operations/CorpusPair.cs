namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>Two corpus rows found similar by paraphrase mining (<c>First &lt; Second</c>) and their float64 score.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct CorpusPair([property: Id(0)] long First, [property: Id(1)] long Second, [property: Id(2)] double Score);
