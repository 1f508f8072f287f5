namespace Similarity.Inference.Tokenization.Text;

/// <summary>What a split keeps of the delimiter it matched (Hugging Face <c>SplitDelimiterBehavior</c>).</summary>
internal enum SplitDelimiterBehavior
{
    Removed,
    Isolated,
    MergedWithPrevious,
    MergedWithNext,
    Contiguous,
}
