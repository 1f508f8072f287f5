namespace Similarity.Grains.Corpora.Shards;

/// <summary>What a shard keeps in Orleans grain state (its rows are in the block store): the adds it must ignore.</summary>
[GenerateSerializer]
public sealed class ShardState
{
    /// <summary>Aborted adds: their blocks were removed, and late batches of theirs are not stored.</summary>
    [Id(0)]
    public List<Guid> Discarded { get; set; } = [];
}
