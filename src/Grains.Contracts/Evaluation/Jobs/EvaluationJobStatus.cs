namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// What an evaluation job reports about itself: what it evaluates, its state, tasks done of all, and pairs encoded of
/// all (a running task counts the share of its pairs whose inputs the model has encoded).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record EvaluationJobStatus
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Model { get; init; }

    [Id(2)]
    public DeviceClass Device { get; init; }

    [Id(3)]
    public required string Suite { get; init; }

    [Id(4)]
    public required string Split { get; init; }

    [Id(5)]
    public EvaluationJobState State { get; init; }

    [Id(6)]
    public int Tasks { get; init; }

    [Id(7)]
    public int TasksDone { get; init; }

    [Id(8)]
    public long Pairs { get; init; }

    [Id(9)]
    public long PairsEncoded { get; init; }

    /// <summary>Why the job failed (naming the task), when it did.</summary>
    [Id(10)]
    public string? Error { get; init; }

    [Id(11)]
    public DateTimeOffset SubmittedAt { get; init; }

    [Id(12)]
    public DateTimeOffset? FinishedAt { get; init; }

    public bool IsFinished => State != EvaluationJobState.Running;
}
