using Similarity.Inference.Tensors;

namespace Similarity.Inference.Models;

/// <summary>Scores text pairs (a cross-encoder). Implementations are safe for concurrent callers.</summary>
public interface IPairClassifier
{
    /// <summary>Number of scores per pair: 1 (sigmoid) or the number of labels (softmax).</summary>
    int LabelCount { get; }

    /// <summary>One row of probabilities per pair, in input order.</summary>
    Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default);
}
