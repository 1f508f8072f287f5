namespace Similarity.Silo.Metrics;

/// <summary>The metric families one silo exposes on <c>/metrics</c>.</summary>
public sealed class MetricRegistry
{
    private readonly List<IMetricFamily> _families = [];
    private readonly Lock _gate = new();

    public T Register<T>(T family)
        where T : IMetricFamily
    {
        lock (_gate)
        {
            if (_families.Exists(f => f.Name == family.Name))
            {
                throw new InvalidOperationException($"Metric '{family.Name}' is already registered.");
            }

            _families.Add(family);
        }

        return family;
    }

    public void WriteTo(TextWriter output)
    {
        IMetricFamily[] families;
        lock (_gate)
        {
            families = [.. _families];
        }

        foreach (var family in families)
        {
            family.WriteTo(output);
        }
    }
}
