using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>Whitespace</c>: keeps runs of word characters and runs of other non-space characters (<c>\w+|[^\w\s]+</c>).</summary>
internal sealed class WhitespacePreTokenizer : IPreTokenizer
{
    private static readonly PatternSplitter Words = new(new RegexPattern(@"\w+|[^\w\s]+"), SplitDelimiterBehavior.Removed, invert: true);

    public void PreTokenize(PreTokenizedString text) => text.Split(Words);
}
