namespace Similarity.Silo.Metrics;

/// <summary>
/// Counters whose running totals are kept elsewhere (a model's batcher) and copied in when metrics are read: each child
/// is set like a gauge but only ever grows for its source's lifetime (Prometheus type <c>counter</c>; names end in <c>_total</c>).
/// </summary>
public sealed class MirroredCounterFamily(string name, string help, params string[] labelNames)
    : MetricFamily<Gauge>(name, help, MetricType.Counter, labelNames)
{
    protected override Gauge CreateChild() => new();

    protected override void WriteChild(TextWriter output, string[] labelValues, Gauge child) =>
        PrometheusTextFormat.WriteSample(output, Name, LabelNames, labelValues, child.Value);
}
