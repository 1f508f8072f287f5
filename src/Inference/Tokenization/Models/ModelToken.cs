namespace Similarity.Inference.Tokenization.Models;

/// <summary>One token a model produced: its id, its text and the span of the word it covers.</summary>
internal readonly record struct ModelToken(int Id, string Value, int Start, int End);
