using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>How an <see cref="EvaluationJobReport"/> travels: its tasks as an array, its average as <see cref="MetricsSurrogate"/>.</summary>
[GenerateSerializer]
public struct EvaluationJobReportSurrogate
{
    [Id(0)]
    public string Model;

    [Id(1)]
    public string Suite;

    [Id(2)]
    public string Split;

    [Id(3)]
    public TaskAveraging Averaging;

    [Id(4)]
    public TaskResult[] Tasks;

    [Id(5)]
    public MetricsSurrogate Average;
}

/// <summary>Converts <see cref="EvaluationJobReport"/> to and from <see cref="EvaluationJobReportSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class EvaluationJobReportSurrogateConverter : IConverter<EvaluationJobReport, EvaluationJobReportSurrogate>
{
    public EvaluationJobReport ConvertFromSurrogate(in EvaluationJobReportSurrogate surrogate) =>
        new(surrogate.Model, surrogate.Suite, surrogate.Split, surrogate.Averaging, surrogate.Tasks ?? [], surrogate.Average.ToMetrics());

    public EvaluationJobReportSurrogate ConvertToSurrogate(in EvaluationJobReport value) => new()
    {
        Model = value.Model,
        Suite = value.Suite,
        Split = value.Split,
        Averaging = value.Averaging,
        Tasks = [.. value.Tasks],
        Average = MetricsSurrogate.From(value.Average),
    };
}
