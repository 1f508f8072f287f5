namespace Similarity.Inference.Tokenization.Models;

/// <summary>
/// One token a model produced: its id, its text and the span of the word it covers. A null <see cref="Value"/>
/// means the token is spelled as that span itself (an unknown piece), left unmade until a caller wants token strings.
/// </summary>
internal readonly record struct ModelToken(int Id, string? Value, int Start, int End);
