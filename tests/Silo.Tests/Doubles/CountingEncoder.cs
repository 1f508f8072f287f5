using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>A TEST DOUBLE around an encoder that counts the texts it was given, so a test sees which silo did the work.</summary>
public sealed class CountingEncoder(ISentenceEncoder inner) : ISentenceEncoder
{
    private long _texts;

    public int Dimension => inner.Dimension;

    public long Texts => Interlocked.Read(ref _texts);

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return inner.EncodeAsync(texts, cancellationToken);
    }
}
