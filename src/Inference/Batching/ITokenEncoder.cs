namespace Similarity.Inference.Batching;

/// <summary>
/// The seam between a tokenizer and the batcher: texts in, token ids out (truncated, unpadded: the batcher pads).
/// Implementations must be safe to call from several worker threads at once.
/// </summary>
public interface ITokenEncoder
{
    EncodedText Encode(string text);

    /// <summary>Encodes a pair the way a cross-encoder expects it (special tokens, type ids, truncation of the longer side).</summary>
    EncodedText EncodePair(string first, string second);
}
