using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>Punctuation</c>: split at every punctuation character, kept as its behaviour says.</summary>
internal sealed class PunctuationPreTokenizer(SplitDelimiterBehavior behavior) : IPreTokenizer
{
    private readonly PatternSplitter _splitter = new(new CharacterPattern(CharacterProperties.IsPunctuation), behavior);

    public void PreTokenize(PreTokenizedString text) => text.Split(_splitter);
}
