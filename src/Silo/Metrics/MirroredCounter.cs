namespace Similarity.Silo.Metrics;

/// <summary>
/// A counter whose running total is kept elsewhere (a model's batcher) and copied in when metrics are read: one label
/// combination of a <see cref="MirroredCounterFamily"/>.
/// </summary>
public sealed class MirroredCounter
{
    private long _bits;

    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

    /// <summary>Copies in the source's current total (which only grows for the source's lifetime).</summary>
    public void Set(double total) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(total));
}
