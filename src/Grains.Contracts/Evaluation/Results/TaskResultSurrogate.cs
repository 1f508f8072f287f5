namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>
/// How a <see cref="TaskResult"/> travels between silos and clients and how a task grain stores it: plain arrays only
/// (metrics in report order, the plot data), so the wire and every grain storage serializer give back the same result
/// to the last bit.
/// </summary>
[GenerateSerializer]
public struct TaskResultSurrogate
{
    [Id(0)]
    public string Name;

    [Id(1)]
    public int PairCount;

    [Id(2)]
    public MetricsSurrogate Metrics;

    [Id(3)]
    public ScoreScatterSurrogate? Scatter;

    [Id(4)]
    public PrecisionRecallCurveSurrogate[] Curves;
}

/// <summary>Converts <see cref="TaskResult"/> to and from <see cref="TaskResultSurrogate"/> for Orleans' serializer and for storage.</summary>
[RegisterConverter]
public sealed class TaskResultSurrogateConverter : IConverter<TaskResult, TaskResultSurrogate>
{
    private static readonly ScoreScatterSurrogateConverter Scatters = new();
    private static readonly PrecisionRecallCurveSurrogateConverter Curves = new();

    public TaskResult ConvertFromSurrogate(in TaskResultSurrogate surrogate) => new(
        surrogate.Name,
        surrogate.PairCount,
        surrogate.Metrics.ToMetrics(),
        surrogate.Scatter is { } scatter ? Scatters.ConvertFromSurrogate(scatter) : null,
        (surrogate.Curves ?? []).Select(curve => Curves.ConvertFromSurrogate(curve)).ToArray());

    public TaskResultSurrogate ConvertToSurrogate(in TaskResult value) => new()
    {
        Name = value.Name,
        PairCount = value.PairCount,
        Metrics = MetricsSurrogate.From(value.Metrics),
        Scatter = value.Scatter is { } scatter ? Scatters.ConvertToSurrogate(scatter) : null,
        Curves = value.Curves.Select(curve => Curves.ConvertToSurrogate(curve)).ToArray(),
    };
}
