using Orleans.Concurrency;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Placement;
using Similarity.Grains.Serving;
using Similarity.Inference.Models;

namespace Similarity.Grains.Encoders;

/// <summary>
/// The cross-encoder worker for one model on one device class: stateless and reentrant like <see cref="EncoderGrain"/>,
/// feeding the silo's one batcher for the model with the pairs of every caller.
/// </summary>
[StatelessWorker]
[Reentrant]
[ServedModelPlacementFilter]
internal sealed class CrossEncoderGrain(ServedModels models, WorkerMetrics metrics) : Grain, ICrossEncoderGrain
{
    private readonly ModelRequestGuard _guard = new(EncodingLimits.Default, metrics, "predict", "pairs", "score rows");

    public async Task<FloatMatrix> PredictAsync(SentencePair[] pairs, CancellationToken cancellationToken = default)
    {
        var key = ModelKey.Parse(this.GetPrimaryKeyString());
        var request = RequestTexts.Pairs(pairs);
        var classifier = models.Get(key.Model).Classifier ?? throw new UnsupportedOperationException(
            $"model '{key.Model}' is a bi-encoder: it encodes texts and does not score pairs", "model");
        var scores = await _guard.RunAsync(key, request, classifier.LabelCount, classifier.PredictAsync, cancellationToken);
        return scores.ToFloatMatrix();
    }
}
