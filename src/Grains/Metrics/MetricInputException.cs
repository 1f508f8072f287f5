namespace Similarity.Grains.Metrics;

/// <summary>Metric inputs that cannot be scored: NaN or infinite values, mismatched lengths, too few pairs, labels other than 0/1.</summary>
public sealed class MetricInputException : ArgumentException
{
    public MetricInputException(string message)
        : base(message)
    {
    }
}
