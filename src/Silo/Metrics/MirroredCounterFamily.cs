namespace Similarity.Silo.Metrics;

/// <summary>Mirrored counters by label (Prometheus type <c>counter</c>; names end in <c>_total</c>).</summary>
public sealed class MirroredCounterFamily(string name, string help, params string[] labelNames)
    : MetricFamily<MirroredCounter>(name, help, MetricType.Counter, labelNames)
{
    protected override MirroredCounter CreateChild() => new();

    protected override void WriteChild(TextWriter output, string[] labelValues, MirroredCounter child) =>
        PrometheusTextFormat.WriteSample(output, Name, LabelNames, labelValues, child.Value);
}
