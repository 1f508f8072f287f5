namespace Similarity.Inference.Batching;

/// <summary>
/// Plans batches by token budget: sequences are sorted by length (longest first) and cut greedily so that
/// batch size × longest length stays within the budget and the batch within the size cap. Sorting first keeps padding
/// low; a sequence longer than the budget on its own gets a batch of its own.
/// </summary>
public static class TokenBudgetBatcher
{
    /// <summary>Plans <paramref name="lengths"/> (token counts) into <paramref name="plan"/>.</summary>
    public static void Plan(ReadOnlySpan<int> lengths, int tokenBudget, int maxBatchSize, BatchPlan plan)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentNullException.ThrowIfNull(plan);

        // One sortable key per sequence: descending length in the high half, the index (ascending) in the low half.
        var keys = plan.Keys(lengths.Length);
        for (var i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] < 0)
            {
                throw new ArgumentException($"Sequence {i} has a negative length ({lengths[i]}).", nameof(lengths));
            }

            keys[i] = ((long)(int.MaxValue - lengths[i]) << 32) | (uint)i;
        }

        keys.Sort();
        var order = plan.WritableOrder;
        for (var i = 0; i < keys.Length; i++)
        {
            order[i] = (int)(keys[i] & uint.MaxValue);
        }

        var start = 0;
        while (start < order.Length)
        {
            // Sorted longest first, so the first sequence of a batch is its longest.
            var longest = Math.Max(lengths[order[start]], 1);
            var count = 1;
            while (start + count < order.Length && count < maxBatchSize && (long)(count + 1) * longest <= tokenBudget)
            {
                count++;
            }

            plan.Add(new BatchSlice(start, count, lengths[order[start]]));
            start += count;
        }
    }

    /// <summary>Plans <paramref name="lengths"/> into a new <see cref="BatchPlan"/>.</summary>
    public static BatchPlan Plan(ReadOnlySpan<int> lengths, int tokenBudget, int maxBatchSize)
    {
        var plan = new BatchPlan();
        Plan(lengths, tokenBudget, maxBatchSize, plan);
        return plan;
    }
}
