using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>The stateless cross-encoder worker for one model: validates a request of pairs and scores it.</summary>
public sealed class CrossEncoderGrain(string model, IPairClassifier classifier, EncodingLimits? limits = null) : ICrossEncoderGrain
{
    private readonly EncodingLimits _limits = limits ?? EncodingLimits.Default;

    public string Model { get; } = ModelNames.Validate(model);

    public int LabelCount => classifier.LabelCount;

    public async Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count > _limits.MaxItemsPerRequest)
        {
            throw new RequestTooLargeException(
                $"request to model '{Model}' has {pairs.Count} pairs; at most {_limits.MaxItemsPerRequest} are allowed per request", "input");
        }

        if (pairs.Count == 0)
        {
            return new EmbeddingMatrix(0, classifier.LabelCount);
        }

        EmbeddingMatrix scores;
        try
        {
            scores = await classifier.PredictAsync(pairs, cancellationToken).ConfigureAwait(false);
        }
        catch (EncoderOverloadedException e)
        {
            throw BatcherRefusal.Of(Model, e);
        }

        if (scores.Rows != pairs.Count)
        {
            throw new InvalidOperationException($"model '{Model}' returned {scores.Rows} score rows for {pairs.Count} pairs");
        }

        return scores;
    }
}
