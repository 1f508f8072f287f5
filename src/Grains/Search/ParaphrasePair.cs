namespace Similarity.Grains.Search;

/// <summary>Two rows found similar by paraphrase mining (<c>First &lt; Second</c>) and their float64 score.</summary>
public readonly record struct ParaphrasePair(int First, int Second, double Score);
