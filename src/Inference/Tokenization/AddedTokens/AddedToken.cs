namespace Similarity.Inference.Tokenization.AddedTokens;

/// <summary>
/// An entry of tokenizer.json's <c>added_tokens</c>: text matched as a whole before the model sees the input.
/// Special tokens are skipped when decoding with <c>skipSpecialTokens</c>.
/// </summary>
internal sealed record AddedToken(
    int Id,
    string Content,
    bool Special,
    bool SingleWord,
    bool LeftStrip,
    bool RightStrip,
    bool Normalized);
