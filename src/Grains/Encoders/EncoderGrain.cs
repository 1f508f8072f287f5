using Orleans.Concurrency;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Placement;
using Similarity.Grains.Serving;

namespace Similarity.Grains.Encoders;

/// <summary>
/// The bi-encoder worker for one model on one device class. Stateless: a silo runs as many activations as calls need,
/// each handing its texts to the silo's one batcher for the model, whose dedicated threads run inference; a grain turn
/// only validates and awaits, so it never holds an Orleans scheduler thread. Reentrant: one activation awaits many
/// callers' requests at once, and they share batches.
/// </summary>
[StatelessWorker]
[Reentrant]
[ServedModelPlacementFilter]
internal sealed class EncoderGrain(ServedModels models, WorkerMetrics metrics) : Grain, IEncoderGrain
{
    private readonly ModelRequestGuard _guard = new(EncodingLimits.Default, metrics, "encode", "texts", "embeddings");

    public async Task<FloatMatrix> EncodeAsync(string[] texts, int? dimensions = null, CancellationToken cancellationToken = default)
    {
        var key = ModelKey.Parse(this.GetPrimaryKeyString());
        RequestTexts.Check(texts);
        var encoder = models.Get(key.Model).Encoder ?? throw new UnsupportedOperationException(
            $"model '{key.Model}' is a cross-encoder: it scores text pairs and does not encode texts", "model");
        var embeddings = await _guard.RunAsync(key, texts, encoder.Dimension, encoder.EncodeAsync, cancellationToken);
        if (dimensions is { } kept)
        {
            embeddings = EmbeddingTruncation.TruncateAndNormalize(embeddings, kept);
        }

        return embeddings.ToFloatMatrix();
    }
}
