using System.Text;

namespace Similarity.Inference.Tokenization.Decoders;

/// <summary>
/// <c>WordPiece</c> decoder: continuation pieces lose their prefix and join the previous piece, others are
/// separated by a space; <c>cleanup</c> removes the space before punctuation and common contractions.
/// </summary>
internal sealed class WordPieceDecoder(string prefix, bool cleanup) : IDecoder
{
    public string Decode(IReadOnlyList<string> tokens)
    {
        var result = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i != 0)
            {
                token = token.StartsWith(prefix, StringComparison.Ordinal) ? token[prefix.Length..] : " " + token;
            }

            result.Append(cleanup ? Cleanup(token) : token);
        }

        return result.ToString();
    }

    /// <summary>Hugging Face's <c>cleanup</c>, replacement by replacement in the same order.</summary>
    internal static string Cleanup(string text) => text
        .Replace(" .", ".", StringComparison.Ordinal)
        .Replace(" ?", "?", StringComparison.Ordinal)
        .Replace(" !", "!", StringComparison.Ordinal)
        .Replace(" ,", ",", StringComparison.Ordinal)
        .Replace(" ' ", "'", StringComparison.Ordinal)
        .Replace(" n't", "n't", StringComparison.Ordinal)
        .Replace(" 'm", "'m", StringComparison.Ordinal)
        .Replace(" do not", " don't", StringComparison.Ordinal)
        .Replace(" 's", "'s", StringComparison.Ordinal)
        .Replace(" 've", "'ve", StringComparison.Ordinal)
        .Replace(" 're", "'re", StringComparison.Ordinal);
}
