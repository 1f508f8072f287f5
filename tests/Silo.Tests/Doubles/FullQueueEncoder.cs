using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>A TEST DOUBLE: an encoder whose batcher queue is always full, refusing every call as the real batcher does.</summary>
public sealed class FullQueueEncoder : ISentenceEncoder
{
    public int Dimension => 8;

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Task.FromException<EmbeddingMatrix>(new EncoderOverloadedException(texts.Count, queued: 100, capacity: 100));
}
