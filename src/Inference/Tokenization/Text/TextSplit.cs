namespace Similarity.Inference.Tokenization.Text;

/// <summary>
/// One split of a <see cref="PreTokenizedString"/>; <see cref="TokenId"/> is -1 until a token is known. A known token
/// without a <see cref="TokenValue"/> is spelled as the split's text.
/// </summary>
internal readonly record struct TextSplit(NormalizedString Text, int TokenId, string? TokenValue)
{
    public bool HasToken => TokenId >= 0;
}
