using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.AddedTokens;

/// <summary>Normalizes a piece (when given a normalizer), then cuts the added tokens a matcher finds out of it.</summary>
internal sealed class AddedTokenSplitter(AddedTokenMatcher matcher, INormalizer? normalizer) : IPieceSplitter
{
    public void SplitPiece(NormalizedString piece, PreTokenizedString output)
    {
        normalizer?.Normalize(piece);
        if (matcher.IsEmpty)
        {
            output.Add(piece.Slice(0, piece.Length));
            return;
        }

        matcher.Split(piece, output);
    }
}
