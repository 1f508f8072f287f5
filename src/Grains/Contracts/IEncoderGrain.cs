using Similarity.Inference.Tensors;

namespace Similarity.Grains.Contracts;

/// <summary>A bi-encoder worker: texts in, one embedding row per text out, in input order.</summary>
public interface IEncoderGrain
{
    Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
