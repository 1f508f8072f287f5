namespace Similarity.Silo.Metrics;

/// <summary>Anything the registry can expose in the Prometheus text format.</summary>
public interface IMetricFamily
{
    string Name { get; }

    void WriteTo(TextWriter output);
}
