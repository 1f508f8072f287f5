using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>What an operation keeps in Orleans grain state: its spec, the rows it covers, its status and, once done, its result.</summary>
[GenerateSerializer]
public sealed class OperationState
{
    [Id(0)]
    public OperationSpec? Spec { get; set; }

    /// <summary>Rows 0 .. EndRow - 1 of the corpus when the operation started: a re-run covers the same rows.</summary>
    [Id(1)]
    public long EndRow { get; set; }

    [Id(2)]
    public int Shards { get; set; }

    [Id(3)]
    public OperationStatus Status { get; set; }

    [Id(4)]
    public string? Error { get; set; }

    [Id(5)]
    public CorpusPair[]? Pairs { get; set; }

    [Id(6)]
    public CorpusCommunity[]? Communities { get; set; }

    /// <summary>When it was started; states stored before this field read as <see cref="DateTimeOffset.MinValue"/>.</summary>
    [Id(7)]
    public DateTimeOffset StartedAt { get; set; }
}
