using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>BertPreTokenizer</c>: split on white space (dropped), then isolate every punctuation character.</summary>
internal sealed class BertPreTokenizer : IPreTokenizer
{
    private static readonly PatternSplitter OnWhitespace = new(new CharacterPattern(CharacterProperties.IsWhitespace), SplitDelimiterBehavior.Removed);
    private static readonly PatternSplitter OnPunctuation = new(new CharacterPattern(CharacterProperties.IsPunctuation), SplitDelimiterBehavior.Isolated);

    public void PreTokenize(PreTokenizedString text)
    {
        text.Split(OnWhitespace);
        text.Split(OnPunctuation);
    }
}
