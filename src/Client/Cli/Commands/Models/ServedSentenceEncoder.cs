using Similarity.Client;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Models;

/// <summary>A bi-encoder served by silos, seen as an <see cref="ISentenceEncoder"/>: code written against the interface (evaluators, chunked encoding) runs on the cluster unchanged.</summary>
internal sealed class ServedSentenceEncoder(SimilarityClient client, string model, int dimension) : ISentenceEncoder
{
    public int Dimension { get; } = dimension;

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        (await client.EncodeAsync(texts, model, cancellationToken: cancellationToken)).ToEmbeddingMatrix();
}
