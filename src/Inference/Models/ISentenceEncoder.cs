using Similarity.Inference.Tensors;

namespace Similarity.Inference.Models;

/// <summary>Turns texts into embeddings (a bi-encoder). Implementations are safe for concurrent callers.</summary>
public interface ISentenceEncoder
{
    /// <summary>Length of each embedding.</summary>
    int Dimension { get; }

    /// <summary>One row per text, in input order.</summary>
    Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
