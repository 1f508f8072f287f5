namespace Similarity.Grains.Search;

/// <summary>One search result: a corpus row and its score (float64, higher = more similar).</summary>
public readonly record struct SearchHit(int CorpusId, double Score);
