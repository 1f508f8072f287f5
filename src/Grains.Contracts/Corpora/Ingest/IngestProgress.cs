namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>An add's progress: rows stored so far of those expected, its status, and why it failed when it did.</summary>
[GenerateSerializer]
[Immutable]
public sealed record IngestProgress(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long StoredRows,
    [property: Id(2)] long ExpectedRows,
    [property: Id(3)] IngestStatus Status,
    [property: Id(4)] string? Failure = null,
    [property: Id(5)] string? Source = null);
