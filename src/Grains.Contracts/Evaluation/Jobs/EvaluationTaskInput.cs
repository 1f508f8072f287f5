namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// One task of a suite as data: its sentence pairs and their gold values, which the submitting client read from its own
/// files (silos may not see them). Gold values are similarity scores on the 0-1 scale, or labels 0 and 1.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record EvaluationTaskInput
{
    /// <summary>The task's name in the report (<c>stsb</c>, <c>en_de</c>, <c>2015.images</c>).</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>The first sentence of each pair.</summary>
    [Id(1)]
    public required string[] First { get; init; }

    /// <summary>The second sentence of each pair.</summary>
    [Id(2)]
    public required string[] Second { get; init; }

    /// <summary>The gold value of each pair.</summary>
    [Id(3)]
    public required double[] Gold { get; init; }

    public int PairCount => Gold.Length;
}
