using Similarity.Grains.Contracts;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// The stateless encoder worker for one model: validates a request and hands it to the model's encoder,
/// which batches it with other callers' requests. It never knows which fabric delivered the call.
/// </summary>
public sealed class EncoderGrain(string model, ISentenceEncoder encoder, EncodingLimits? limits = null) : IEncoderGrain
{
    private readonly ModelRequestGuard _guard = new(model, limits ?? EncodingLimits.Default, "texts", "embeddings");

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _guard.RunAsync(texts, encoder.Dimension, encoder.EncodeAsync, cancellationToken);
    }
}
