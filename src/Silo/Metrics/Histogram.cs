namespace Similarity.Silo.Metrics;

/// <summary>Observations counted into fixed buckets, with their sum (one label combination of a <see cref="HistogramFamily"/>).</summary>
public sealed class Histogram(double[] upperBounds)
{
    private readonly long[] _counts = new long[upperBounds.Length + 1];
    private long _sumBits;

    public IReadOnlyList<double> UpperBounds => upperBounds;

    public void Observe(double value)
    {
        var bucket = Array.BinarySearch(upperBounds, value);
        if (bucket < 0)
        {
            bucket = ~bucket;
        }

        Interlocked.Increment(ref _counts[bucket]);
        long seen, updated;
        do
        {
            seen = Interlocked.Read(ref _sumBits);
            updated = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + value);
        }
        while (Interlocked.CompareExchange(ref _sumBits, updated, seen) != seen);
    }

    /// <summary>Cumulative counts per bucket (the last is +Inf), the total count and the sum, read together.</summary>
    public (long[] Cumulative, long Count, double Sum) Snapshot()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Interlocked.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return (cumulative, running, BitConverter.Int64BitsToDouble(Interlocked.Read(ref _sumBits)));
    }
}
