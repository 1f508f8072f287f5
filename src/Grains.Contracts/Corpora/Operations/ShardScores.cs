using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>A shard's block of a pairwise score matrix: <c>Scores[q, j]</c> is query q against corpus row <c>Ids[j]</c> (ascending).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ShardScores(
    [property: Id(0)] long[] Ids,
    [property: Id(1)] FloatMatrix Scores);
