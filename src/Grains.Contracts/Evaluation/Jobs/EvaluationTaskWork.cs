namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>What a task grain keeps and runs: its input and the model of its job, so a rerun needs nothing else.</summary>
[GenerateSerializer]
[Immutable]
public sealed record EvaluationTaskWork
{
    [Id(0)]
    public required string Model { get; init; }

    [Id(1)]
    public DeviceClass Device { get; init; }

    [Id(2)]
    public SuiteKind Kind { get; init; }

    [Id(3)]
    public required EvaluationTaskInput Input { get; init; }

    /// <summary>Whether the job's tasks share sentences, so a bi-encoder's embeddings are shared on each silo (<see cref="IJobEmbeddingsGrain"/>).</summary>
    [Id(4)]
    public bool ShareEmbeddings { get; init; }
}
