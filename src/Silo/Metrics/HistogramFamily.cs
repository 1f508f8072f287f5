namespace Similarity.Silo.Metrics;

/// <summary>Histograms by label (Prometheus type <c>histogram</c>: <c>_bucket</c>, <c>_sum</c>, <c>_count</c> series).</summary>
public sealed class HistogramFamily(string name, string help, double[] upperBounds, params string[] labelNames)
    : MetricFamily<Histogram>(name, help, MetricType.Histogram, labelNames)
{
    private readonly double[] _upperBounds = ValidateBounds(upperBounds);

    /// <summary>Latency buckets in seconds, from 1 ms to 60 s.</summary>
    public static double[] LatencyBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Size buckets (texts per request), powers of two up to 2048.</summary>
    public static double[] SizeBuckets { get; } = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048];

    protected override Histogram CreateChild() => new(_upperBounds);

    protected override void WriteChild(TextWriter output, string[] labelValues, Histogram child)
    {
        var (cumulative, count, sum) = child.Snapshot();
        string[] names = [.. LabelNames, "le"];
        for (var i = 0; i < _upperBounds.Length; i++)
        {
            PrometheusTextFormat.WriteSample(output, Name + "_bucket", names, [.. labelValues, PrometheusTextFormat.FormatValue(_upperBounds[i])], cumulative[i]);
        }

        PrometheusTextFormat.WriteSample(output, Name + "_bucket", names, [.. labelValues, "+Inf"], count);
        PrometheusTextFormat.WriteSample(output, Name + "_sum", LabelNames, labelValues, sum);
        PrometheusTextFormat.WriteSample(output, Name + "_count", LabelNames, labelValues, count);
    }

    private static double[] ValidateBounds(double[] bounds)
    {
        for (var i = 1; i < bounds.Length; i++)
        {
            if (!(bounds[i] > bounds[i - 1]))
            {
                throw new ArgumentException("Histogram bucket bounds must increase strictly.", nameof(bounds));
            }
        }

        return bounds;
    }
}
