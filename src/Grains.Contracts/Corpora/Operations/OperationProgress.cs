namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// A long operation now: its status, the tiles done of all its tiles (a run restarted after a silo loss counts
/// again from zero), the silo running it, and why it failed; what it computes over which corpus, and since when.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record OperationProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] OperationStatus Status,
    [property: Id(2)] int TilesDone,
    [property: Id(3)] int TilesTotal,
    [property: Id(4)] string Silo,
    [property: Id(5)] string? Error)
{
    [Id(6)]
    public OperationKind Kind { get; init; }

    [Id(7)]
    public string Corpus { get; init; } = string.Empty;

    /// <summary>When the operation was started (its first start: a resumed run keeps it).</summary>
    [Id(8)]
    public DateTimeOffset StartedAt { get; init; }
}
