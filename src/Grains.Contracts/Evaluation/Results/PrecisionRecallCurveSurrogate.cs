namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>How a <see cref="PrecisionRecallCurve"/> travels and is stored: its lists as arrays, whatever list type made them.</summary>
[GenerateSerializer]
public struct PrecisionRecallCurveSurrogate
{
    [Id(0)]
    public string Function;

    [Id(1)]
    public double[] Threshold;

    [Id(2)]
    public double[] Recall;

    [Id(3)]
    public double[] Precision;
}

/// <summary>Converts <see cref="PrecisionRecallCurve"/> to and from <see cref="PrecisionRecallCurveSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class PrecisionRecallCurveSurrogateConverter : IConverter<PrecisionRecallCurve, PrecisionRecallCurveSurrogate>
{
    public PrecisionRecallCurve ConvertFromSurrogate(in PrecisionRecallCurveSurrogate surrogate) =>
        new(surrogate.Function, surrogate.Threshold ?? [], surrogate.Recall ?? [], surrogate.Precision ?? []);

    public PrecisionRecallCurveSurrogate ConvertToSurrogate(in PrecisionRecallCurve value) => new()
    {
        Function = value.Function,
        Threshold = [.. value.Threshold],
        Recall = [.. value.Recall],
        Precision = [.. value.Precision],
    };
}
