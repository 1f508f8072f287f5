namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>The <c>post_processor</c> of tokenizer.json: joins the encoded text(s) and adds special tokens.</summary>
internal interface IPostProcessor
{
    /// <summary>How many special tokens it adds (truncation keeps room for them).</summary>
    int AddedTokenCount(bool isPair);

    void Process(EncodingBuffer first, EncodingBuffer? second, bool addSpecialTokens, EncodingBuffer output);
}
