namespace Similarity.Inference.Tokenization.Text;

/// <summary>One span of a string cut by a pattern: either a match or the text between matches.</summary>
internal readonly record struct PatternMatch(int Start, int End, bool IsMatch);
