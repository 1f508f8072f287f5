namespace Similarity.Silo.Metrics;

/// <summary>A value that goes up and down (one label combination of a <see cref="GaugeFamily"/>).</summary>
public sealed class Gauge
{
    private long _bits;

    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

    public void Set(double value) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));
}
