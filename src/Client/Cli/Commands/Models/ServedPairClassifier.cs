using Similarity.Client;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Models;

/// <summary>A cross-encoder served by silos, seen as an <see cref="IPairClassifier"/>.</summary>
internal sealed class ServedPairClassifier(SimilarityClient client, string model, int labelCount) : IPairClassifier
{
    public int LabelCount { get; } = labelCount;

    public async Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        var request = new SentencePair[pairs.Count];
        for (var i = 0; i < request.Length; i++)
        {
            request[i] = new SentencePair(pairs[i].First, pairs[i].Second);
        }

        return (await client.PredictAsync(request, model, cancellationToken)).ToEmbeddingMatrix();
    }
}
