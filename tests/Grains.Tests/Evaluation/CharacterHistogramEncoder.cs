using System.Collections.Concurrent;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Evaluation;

/// <summary>
/// Test double for <see cref="ISentenceEncoder"/> on real benchmark text: embeds a sentence as the histogram of its UTF-16
/// code units modulo 32. Deterministic and cheap, and similar sentences get similar vectors, so the metrics are
/// non-trivial; tests recompute the same vectors themselves to get independent expected values.
/// </summary>
internal sealed class CharacterHistogramEncoder : ISentenceEncoder
{
    public int Dimension => 32;

    public ConcurrentQueue<IReadOnlyList<string>> Batches { get; } = new();

    public static double[] Histogram(string text)
    {
        var vector = new double[32];
        foreach (var c in text)
        {
            vector[c % 32]++;
        }

        return vector;
    }

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Batches.Enqueue(texts.ToArray());
        return Task.FromResult(EmbeddingMatrix.FromRows(texts.Select(t => Histogram(t).Select(v => (float)v).ToArray()).ToList()));
    }
}
