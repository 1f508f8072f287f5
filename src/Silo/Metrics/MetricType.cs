namespace Similarity.Silo.Metrics;

/// <summary>The Prometheus metric types this exposition writes.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
