using System.Collections.Concurrent;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Evaluation;

/// <summary>
/// Test double for <see cref="IPairClassifier"/>: returns a fixed row of probabilities per pair, chosen by the test from
/// the metric fixtures, and records every batch it receives.
/// </summary>
internal sealed class FixedProbabilityClassifier(Func<TextPair, float[]> probabilities, int labelCount) : IPairClassifier
{
    public int LabelCount => labelCount;

    public ConcurrentQueue<IReadOnlyList<TextPair>> Batches { get; } = new();

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        Batches.Enqueue(pairs.ToArray());
        return Task.FromResult(EmbeddingMatrix.FromRows(pairs.Select(probabilities).ToList()));
    }
}
