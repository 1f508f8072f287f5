namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>A task's state and how far it is: the model's distinct inputs (texts, or pairs for a cross-encoder) done so far.</summary>
[GenerateSerializer]
[Immutable]
public sealed record EvaluationTaskStatus(
    [property: Id(0)] EvaluationTaskState State,
    [property: Id(1)] int Encoded,
    [property: Id(2)] int ToEncode,
    [property: Id(3)] string? Error = null)
{
    /// <summary>The share of the task done: 1 when done, the encoded share while running, 0 before.</summary>
    public double Fraction => State switch
    {
        EvaluationTaskState.Done => 1,
        EvaluationTaskState.Running when ToEncode > 0 => Math.Min(1, (double)Encoded / ToEncode),
        _ => 0,
    };
}
