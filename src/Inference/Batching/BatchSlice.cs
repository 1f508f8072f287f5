namespace Similarity.Inference.Batching;

/// <summary>One planned batch: <see cref="Count"/> consecutive entries of <see cref="BatchPlan.Order"/> starting at <see cref="Start"/>.</summary>
public readonly record struct BatchSlice(int Start, int Count, int Longest)
{
    /// <summary>Tokens the batch occupies once every row is padded to the longest (at least one token per row).</summary>
    public long PaddedTokens => (long)Count * Math.Max(Longest, 1);
}
