using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Contracts;

/// <summary>A cross-encoder worker: text pairs in, one row of label probabilities per pair out, in input order.</summary>
public interface ICrossEncoderGrain
{
    Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default);
}
