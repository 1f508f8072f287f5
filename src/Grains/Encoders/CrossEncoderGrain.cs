using Similarity.Grains.Contracts;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>The stateless cross-encoder worker for one model: validates a request of pairs and scores it.</summary>
public sealed class CrossEncoderGrain(string model, IPairClassifier classifier, EncodingLimits? limits = null) : ICrossEncoderGrain
{
    private readonly ModelRequestGuard _guard = new(model, limits ?? EncodingLimits.Default, "pairs", "score rows");

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return _guard.RunAsync(pairs, classifier.LabelCount, classifier.PredictAsync, cancellationToken);
    }
}
