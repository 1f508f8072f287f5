using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>A cross-encoder served by the cluster's cross-encoder grains, seen as an <see cref="IPairClassifier"/>.</summary>
internal sealed class ClusterPairClassifier(IGrainFactory grains, ModelKey key, int labelCount, ChunkedGrainCall calls) : IPairClassifier
{
    public int LabelCount { get; } = labelCount;

    public async Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        var request = new SentencePair[pairs.Count];
        for (var i = 0; i < request.Length; i++)
        {
            request[i] = new SentencePair(pairs[i].First, pairs[i].Second);
        }

        var rows = await calls.RunAsync(
            request,
            key.Model,
            (lane, chunk, token) => grains.GetGrain<ICrossEncoderGrain>(key.OnLane(lane).ToString()).PredictAsync(chunk, token),
            cancellationToken).ConfigureAwait(false);
        return rows.ToEmbeddingMatrix();
    }
}
