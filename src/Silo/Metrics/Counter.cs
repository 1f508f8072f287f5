namespace Similarity.Silo.Metrics;

/// <summary>A monotonically increasing count (one label combination of a <see cref="CounterFamily"/>).</summary>
public sealed class Counter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment(long by = 1) => Interlocked.Add(ref _value, by);
}
