namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>How a <see cref="ScoreScatter"/> travels and is stored: its lists as arrays, whatever list type made them.</summary>
[GenerateSerializer]
public struct ScoreScatterSurrogate
{
    [Id(0)]
    public string Function;

    [Id(1)]
    public int Total;

    [Id(2)]
    public double[] Gold;

    [Id(3)]
    public double[] Predicted;
}

/// <summary>Converts <see cref="ScoreScatter"/> to and from <see cref="ScoreScatterSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class ScoreScatterSurrogateConverter : IConverter<ScoreScatter, ScoreScatterSurrogate>
{
    public ScoreScatter ConvertFromSurrogate(in ScoreScatterSurrogate surrogate) =>
        new(surrogate.Function, surrogate.Total, surrogate.Gold ?? [], surrogate.Predicted ?? []);

    public ScoreScatterSurrogate ConvertToSurrogate(in ScoreScatter value) => new()
    {
        Function = value.Function,
        Total = value.Total,
        Gold = [.. value.Gold],
        Predicted = [.. value.Predicted],
    };
}
