namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>What the Rust library does without a post-processor: concatenate, add nothing.</summary>
internal sealed class ConcatenatingPostProcessor : IPostProcessor
{
    public static ConcatenatingPostProcessor Instance { get; } = new();

    public int AddedTokenCount(bool isPair) => 0;

    public void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output)
    {
        output.Append(first, 0);
        if (second is null)
        {
            output.ImplicitSequence = true;
            return;
        }

        output.Append(second, 1);
    }
}
