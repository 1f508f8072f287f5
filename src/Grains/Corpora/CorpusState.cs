using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Grains.Corpora;

/// <summary>A corpus as Orleans grain storage keeps it: its spec, the rows and batches of completed adds, the running add, its operations' ids.</summary>
[GenerateSerializer]
public sealed class CorpusState
{
    /// <summary>Null until the corpus is created (and again once deleted).</summary>
    [Id(0)]
    public CorpusSpec? Spec { get; set; }

    /// <summary>The width of its rows: the spec's, or set by the first add.</summary>
    [Id(1)]
    public int? Dimension { get; set; }

    /// <summary>Rows of completed adds: ids 0 to <see cref="Rows"/> - 1.</summary>
    [Id(2)]
    public long Rows { get; set; }

    /// <summary>Batches of completed adds: the next add's first sequence number.</summary>
    [Id(3)]
    public long Batches { get; set; }

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public RunningIngest? Ingest { get; set; }

    /// <summary>How the last add ended, for a client asking after it finished.</summary>
    [Id(6)]
    public IngestProgress? LastIngest { get; set; }

    /// <summary>Ids of the operations over the corpus whose records exist, oldest first; states stored before this field read as empty.</summary>
    [Id(7)]
    public List<string> Operations { get; set; } = [];
}

/// <summary>The add a corpus is running: its plan, where its rows and sequence numbers start, and a failure a consumer reported.</summary>
[GenerateSerializer]
public sealed class RunningIngest
{
    [Id(0)]
    public Guid Id { get; set; }

    [Id(1)]
    public required IngestPlan Plan { get; set; }

    [Id(2)]
    public long FirstRow { get; set; }

    [Id(3)]
    public long FirstSequence { get; set; }

    [Id(4)]
    public string? Failure { get; set; }

    /// <summary>True when this add set the corpus's width (an abort then forgets it again).</summary>
    [Id(5)]
    public bool SetDimension { get; set; }
}
