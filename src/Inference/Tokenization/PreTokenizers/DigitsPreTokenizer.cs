using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>Digits</c>: isolate numbers, each digit alone with <c>individual_digits</c>, else runs of digits.</summary>
internal sealed class DigitsPreTokenizer(bool individualDigits) : IPreTokenizer
{
    private readonly PatternSplitter _splitter = new(
        new CharacterPattern(CharacterProperties.IsNumeric),
        individualDigits ? SplitDelimiterBehavior.Isolated : SplitDelimiterBehavior.Contiguous);

    public void PreTokenize(PreTokenizedString text) => text.Split(_splitter);
}
