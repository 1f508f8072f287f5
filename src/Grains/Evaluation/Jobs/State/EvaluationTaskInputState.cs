using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Grains.Evaluation.Jobs.State;

/// <summary>What a task grain persists first: its input and its job's model, one storage row per task.</summary>
[GenerateSerializer]
public sealed class EvaluationTaskInputState
{
    [Id(0)]
    public EvaluationTaskWork? Work { get; set; }
}
