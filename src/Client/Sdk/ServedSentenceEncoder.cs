using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Client;

/// <summary>A bi-encoder a cluster serves, seen as an <see cref="ISentenceEncoder"/>: code written against the interface runs on the cluster unchanged.</summary>
internal sealed class ServedSentenceEncoder(SimilarityClient client, string model, int dimension) : ISentenceEncoder
{
    public int Dimension { get; } = dimension;

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        client.EncodeAsync(texts, model, cancellationToken);
}
