using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Client;

/// <summary>A cross-encoder a cluster serves, seen as an <see cref="IPairClassifier"/>.</summary>
internal sealed class ServedPairClassifier(SimilarityClient client, string model, int labelCount) : IPairClassifier
{
    public int LabelCount { get; } = labelCount;

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default) =>
        client.PredictAsync(pairs, model, cancellationToken);
}
