using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary><c>Split</c>: cut at a literal or regex pattern (or, with <c>invert</c>, keep only its matches).</summary>
internal sealed class SplitPreTokenizer(TextPattern pattern, SplitDelimiterBehavior behavior, bool invert) : IPreTokenizer
{
    private readonly PatternSplitter _splitter = new(pattern, behavior, invert);

    public void PreTokenize(PreTokenizedString text) => text.Split(_splitter);
}
