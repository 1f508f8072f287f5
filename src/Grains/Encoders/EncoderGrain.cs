using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// The stateless encoder worker for one model: validates a request and hands it to the model's encoder,
/// which batches it with other callers' requests. It never knows which fabric delivered the call.
/// </summary>
public sealed class EncoderGrain(string model, ISentenceEncoder encoder, EncodingLimits? limits = null) : IEncoderGrain
{
    private readonly EncodingLimits _limits = limits ?? EncodingLimits.Default;

    public string Model { get; } = ModelNames.Validate(model);

    public int Dimension => encoder.Dimension;

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count > _limits.MaxItemsPerRequest)
        {
            throw new RequestTooLargeException(
                $"request to model '{Model}' has {texts.Count} texts; at most {_limits.MaxItemsPerRequest} are allowed per request", "input");
        }

        if (texts.Count == 0)
        {
            return new EmbeddingMatrix(0, encoder.Dimension);
        }

        EmbeddingMatrix embeddings;
        try
        {
            embeddings = await encoder.EncodeAsync(texts, cancellationToken).ConfigureAwait(false);
        }
        catch (EncoderOverloadedException e)
        {
            throw BatcherRefusal.Of(Model, e);
        }

        if (embeddings.Rows != texts.Count)
        {
            throw new InvalidOperationException($"model '{Model}' returned {embeddings.Rows} embeddings for {texts.Count} texts");
        }

        return embeddings;
    }
}
