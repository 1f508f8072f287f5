namespace Similarity.Grains.Clustering;

/// <summary>A community: its centre (the first member) and its members by descending similarity to the centre's row.</summary>
public sealed record Community(int Centre, IReadOnlyList<int> Members);
