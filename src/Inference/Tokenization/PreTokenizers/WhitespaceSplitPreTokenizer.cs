using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>WhitespaceSplit</c>: split on white space, which is dropped.</summary>
internal sealed class WhitespaceSplitPreTokenizer : IPreTokenizer
{
    private static readonly PatternSplitter OnWhitespace = new(new CharacterPattern(CharacterProperties.IsWhitespace), SplitDelimiterBehavior.Removed);

    public void PreTokenize(PreTokenizedString text) => text.Split(OnWhitespace);
}
