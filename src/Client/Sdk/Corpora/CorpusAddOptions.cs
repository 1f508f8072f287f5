namespace Similarity.Client.Corpora;

/// <summary>How an add publishes its batches and follows them.</summary>
public sealed record CorpusAddOptions
{
    /// <summary>Streams an add's batches are dealt over: batches on different lanes are encoded and stored at once.</summary>
    public int Lanes { get; init; } = 8;

    /// <summary>Most batches published but not yet stored: bounds the memory batches in flight take, keeps every lane fed.</summary>
    public int Window { get; init; } = 32;

    /// <summary>How often progress is asked while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When no row is stored for this long, the batches published but not stored are published again (a lost silo may
    /// have dropped them; a batch stored twice counts once).
    /// </summary>
    public TimeSpan RepublishAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The model the rows come from, checked against the corpus's (null: not checked).</summary>
    public string? Model { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Lanes, 1, nameof(Lanes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Lanes, Grains.Contracts.Corpora.Ingest.IngestPlan.MaxLanes, nameof(Lanes));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RepublishAfter, TimeSpan.Zero, nameof(RepublishAfter));
    }
}
