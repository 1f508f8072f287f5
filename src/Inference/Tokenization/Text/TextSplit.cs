namespace Similarity.Inference.Tokenization.Text;

/// <summary>One split of a <see cref="PreTokenizedString"/>; <see cref="TokenId"/> is -1 until a token is known.</summary>
internal readonly record struct TextSplit(NormalizedString Text, int TokenId, string? TokenValue)
{
    public bool HasToken => TokenId >= 0;
}
