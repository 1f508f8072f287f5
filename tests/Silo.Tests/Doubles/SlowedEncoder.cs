using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// A TEST DOUBLE around a real encoder: the same embeddings, but each call is held for <paramref name="delay"/> first, so
/// requests stay in flight long enough for a test to stop or crash the silo handling them.
/// </summary>
public sealed class SlowedEncoder(ISentenceEncoder inner, TimeSpan delay) : ISentenceEncoder
{
    public int Dimension => inner.Dimension;

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return await inner.EncodeAsync(texts, cancellationToken).ConfigureAwait(false);
    }
}
