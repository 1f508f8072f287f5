namespace Similarity.Grains.Datasets;

/// <summary>One data row of a pair file: the gold value as written (a score, or a 0/1 label) and the two texts.</summary>
/// <param name="Line">1-based line in the file (the header is line 1), for error messages about this row.</param>
public readonly record struct PairRow(int Line, double Gold, string First, string Second);
