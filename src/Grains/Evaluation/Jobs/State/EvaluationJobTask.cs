namespace Similarity.Grains.Evaluation.Jobs.State;

/// <summary>One task as its job records it: its name, its size, and whether its result is stored.</summary>
[GenerateSerializer]
public sealed class EvaluationJobTask
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Pairs { get; set; }

    [Id(2)]
    public bool Done { get; set; }
}
