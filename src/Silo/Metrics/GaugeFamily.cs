namespace Similarity.Silo.Metrics;

/// <summary>Gauges by label (Prometheus type <c>gauge</c>).</summary>
public sealed class GaugeFamily(string name, string help, params string[] labelNames)
    : MetricFamily<Gauge>(name, help, MetricType.Gauge, labelNames)
{
    protected override Gauge CreateChild() => new();

    protected override void WriteChild(TextWriter output, string[] labelValues, Gauge child) =>
        PrometheusTextFormat.WriteSample(output, Name, LabelNames, labelValues, child.Value);
}
