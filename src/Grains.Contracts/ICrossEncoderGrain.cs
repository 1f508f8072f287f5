using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts;

/// <summary>A cross-encoder worker, keyed by <see cref="ModelKey"/>: text pairs in, one row of label probabilities per pair out, in input order.</summary>
public interface ICrossEncoderGrain : IGrainWithStringKey
{
    Task<FloatMatrix> PredictAsync(SentencePair[] pairs, CancellationToken cancellationToken = default);
}
