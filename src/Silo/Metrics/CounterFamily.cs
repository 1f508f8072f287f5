namespace Similarity.Silo.Metrics;

/// <summary>Counters by label (Prometheus type <c>counter</c>; names end in <c>_total</c>).</summary>
public sealed class CounterFamily(string name, string help, params string[] labelNames)
    : MetricFamily<Counter>(name, help, MetricType.Counter, labelNames)
{
    protected override Counter CreateChild() => new();

    protected override void WriteChild(TextWriter output, string[] labelValues, Counter child) =>
        PrometheusTextFormat.WriteSample(output, Name, LabelNames, labelValues, child.Value);
}
