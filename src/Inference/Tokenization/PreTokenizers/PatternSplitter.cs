using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary>Cuts each piece at a pattern's matches, keeping the delimiters as <see cref="SplitDelimiterBehavior"/> says.</summary>
internal sealed class PatternSplitter(TextPattern pattern, SplitDelimiterBehavior behavior, bool invert = false) : IPieceSplitter
{
    public void SplitPiece(NormalizedString piece, PreTokenizedString output)
    {
        pattern.FindMatches(piece.Text, output.Matches, invert);
        piece.SplitInto(output.Matches, behavior, output);
    }
}
