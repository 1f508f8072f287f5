using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// A bi-encoder served by the cluster's encoder grains, seen as an <see cref="ISentenceEncoder"/>: the evaluators run on
/// it unchanged. Calls are cut into requests over the model's lanes and retried on silo loss (<see cref="ChunkedGrainCall"/>).
/// </summary>
internal sealed class ClusterSentenceEncoder(IGrainFactory grains, ModelKey key, int dimension, ChunkedGrainCall calls) : ISentenceEncoder
{
    public int Dimension { get; } = dimension;

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        (await EncodeAsync(grains, key, calls, texts, cancellationToken).ConfigureAwait(false)).ToEmbeddingMatrix();

    /// <summary>One row per text from <paramref name="key"/>'s encoder grains; no texts still ask, which tells the model's width.</summary>
    public static Task<FloatMatrix> EncodeAsync(IGrainFactory grains, ModelKey key, ChunkedGrainCall calls, IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        calls.RunAsync(
            texts,
            key.Model,
            (lane, chunk, token) => grains.GetGrain<IEncoderGrain>(key.OnLane(lane).ToString()).EncodeAsync(chunk, null, token),
            cancellationToken);
}
