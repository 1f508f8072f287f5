namespace Similarity.TestSupport;

/// <summary>
/// Measures what a warm operation allocates on the calling thread. The runtime itself now and then allocates
/// on that thread (tiering up a method, a collection's bookkeeping), so one surplus reading is noise; a
/// surplus on every attempt is the operation's own.
/// </summary>
public static class SteadyAllocation
{
    public const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="operation"/> until its allocation equals what <paramref name="expected"/> says it
    /// should be for that run's result, at most <see cref="Attempts"/> times; returns every reading and the last expectation.
    /// </summary>
    public static (IReadOnlyList<long> Readings, long Expected) Measure<T>(Func<T> operation, Func<T, long> expected)
    {
        var readings = new List<long>(Attempts);
        long wanted;
        do
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = operation();
            readings.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            wanted = expected(result);
        }
        while (readings[^1] != wanted && readings.Count < Attempts);

        return (readings, wanted);
    }

    /// <summary>The fewest bytes <paramref name="operation"/> allocated over <see cref="Attempts"/> runs.</summary>
    public static long Bytes(Action operation) =>
        Measure(() => { operation(); return 0; }, _ => 0L).Readings.Min();

    /// <summary>What allocating exactly <paramref name="allocations"/> costs on this runtime, measured rather than assumed.</summary>
    public static long BytesOf(Action allocations)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        allocations();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
