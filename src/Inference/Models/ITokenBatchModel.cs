namespace Similarity.Inference.Models;

/// <summary>
/// A model that maps a padded <see cref="TokenBatch"/> to one row of floats per sequence (an embedding, or label
/// probabilities). The batcher drives models through this; implementations are safe for concurrent callers.
/// </summary>
public interface ITokenBatchModel
{
    /// <summary>Floats per row: the embedding dimension or the label count.</summary>
    int OutputWidth { get; }

    /// <summary>The longest token sequence the model accepts (inputs must be truncated to it).</summary>
    int MaxSequenceLength { get; }

    /// <summary>The id written into padded positions.</summary>
    long PadTokenId { get; }

    /// <summary>Runs <paramref name="batch"/>, writing [batch.Size × <see cref="OutputWidth"/>] floats into <paramref name="output"/>.</summary>
    void Run(TokenBatch batch, Span<float> output);
}
