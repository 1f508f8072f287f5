namespace Similarity.Inference.Models;

/// <summary>Two texts scored together by a cross-encoder.</summary>
public readonly record struct TextPair(string First, string Second);
