namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>
/// How a task's or a report's metrics travel and are stored: names and values as two arrays in report order. Orleans has
/// no codec for the ordered dictionaries the metric sets build, and a storage serializer would not keep their order.
/// </summary>
[GenerateSerializer]
public struct MetricsSurrogate
{
    [Id(0)]
    public string[] Names;

    [Id(1)]
    public double[] Values;

    /// <summary>The names and values of <paramref name="metrics"/>, in its order.</summary>
    public static MetricsSurrogate From(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var names = new string[metrics.Count];
        var values = new double[metrics.Count];
        var i = 0;
        foreach (var (name, value) in metrics)
        {
            names[i] = name;
            values[i++] = value;
        }

        return new MetricsSurrogate { Names = names, Values = values };
    }

    /// <summary>The metrics again, in the order they were written; mismatched arrays are an <see cref="InvalidDataException"/>.</summary>
    public readonly IReadOnlyDictionary<string, double> ToMetrics()
    {
        var names = Names ?? [];
        var values = Values ?? [];
        if (names.Length != values.Length)
        {
            throw new InvalidDataException($"Metrics arrived with {names.Length} names and {values.Length} values.");
        }

        var metrics = new OrderedDictionary<string, double>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            metrics.Add(names[i], values[i]);
        }

        return metrics;
    }
}
