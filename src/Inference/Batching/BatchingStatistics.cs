namespace Similarity.Inference.Batching;

/// <summary>Counters of a batched encoder since it started (a snapshot): what was asked, and how well batches were packed.</summary>
public readonly record struct BatchingStatistics(
    long Requests, long Texts, long Batches, long Tokens, long PaddedTokens, long Rejected, long Cancelled, TimeSpan InferenceTime = default)
{
    /// <summary>Share of the computed tokens that were real rather than padding (1 = no padding).</summary>
    public double PaddingEfficiency => PaddedTokens == 0 ? 1 : (double)Tokens / PaddedTokens;
}
