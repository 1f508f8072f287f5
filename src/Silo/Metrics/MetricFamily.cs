using System.Collections.Concurrent;

namespace Similarity.Silo.Metrics;

/// <summary>
/// A named metric with label dimensions; one child per combination of label values. Callers look a child up once
/// (<see cref="WithLabels"/>) and keep it, so recording is lock- and allocation-free.
/// </summary>
public abstract class MetricFamily<TChild>(string name, string help, MetricType type, string[] labelNames) : IMetricFamily
    where TChild : class
{
    private readonly ConcurrentDictionary<string, (string[] Values, TChild Child)> _children = new(StringComparer.Ordinal);

    public string Name { get; } = PrometheusTextFormat.ValidateName(name);

    public string Help { get; } = help;

    public MetricType Type { get; } = type;

    public IReadOnlyList<string> LabelNames { get; } = labelNames;

    public TChild WithLabels(params string[] values)
    {
        if (values.Length != labelNames.Length)
        {
            throw new ArgumentException($"Metric {Name} has labels [{string.Join(", ", labelNames)}]; got {values.Length} values.", nameof(values));
        }

        var key = string.Join('\u0001', values);
        return _children.GetOrAdd(key, static (_, state) => (state.values, state.self.CreateChild()), (values, self: this)).Child;
    }

    public void WriteTo(TextWriter output)
    {
        PrometheusTextFormat.WriteHeader(output, Name, Help, Type);
        foreach (var (values, child) in _children.Values.OrderBy(c => string.Join('\u0001', c.Values), StringComparer.Ordinal))
        {
            WriteChild(output, values, child);
        }
    }

    protected abstract TChild CreateChild();

    protected abstract void WriteChild(TextWriter output, string[] labelValues, TChild child);
}
