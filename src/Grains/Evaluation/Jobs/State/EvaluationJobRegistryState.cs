namespace Similarity.Grains.Evaluation.Jobs.State;

/// <summary>What the job registry persists: the ids of the jobs submitted and not deleted, oldest first.</summary>
[GenerateSerializer]
public sealed class EvaluationJobRegistryState
{
    [Id(0)]
    public List<string> Jobs { get; set; } = [];
}
