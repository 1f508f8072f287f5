using Orleans.Concurrency;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Corpora.Rows;

namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// One shard of a corpus, keyed <c>CORPUS/INDEX</c> (<see cref="ShardKey"/>): blocks of rows (embeddings with their row
/// ids; texts stay in storage) persisted as binary blocks and cached in the memory of the silo it is active on; when
/// that silo dies it activates on another from storage. Appends are idempotent: a block is keyed by its first row id.
/// Reads are [ReadOnly] and interleave: they see a consistent snapshot of the blocks. Distributed operations (top-k,
/// tiles of shard i x shard j) score the cached rows here, next to them.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="append"/> as one block; false when it is already stored or its add was aborted.</summary>
    Task<bool> AppendAsync(ShardAppend append);

    /// <summary>False when the batch starting at <paramref name="firstRow"/> is already stored or its add was aborted: a consumer skips encoding it.</summary>
    [ReadOnly]
    Task<bool> NeedsAsync(Guid ingest, long firstRow);

    [ReadOnly]
    Task<ShardInfo> GetInfoAsync();

    /// <summary>Rows this shard holds of add <paramref name="ingest"/>.</summary>
    [ReadOnly]
    Task<long> CountIngestRowsAsync(Guid ingest);

    /// <summary>Sequence numbers of the blocks this shard holds of add <paramref name="ingest"/>.</summary>
    [ReadOnly]
    Task<long[]> GetIngestSequencesAsync(Guid ingest);

    /// <summary>Up to <paramref name="maxRows"/> of this shard's rows with ids from <paramref name="fromRow"/> on, in id order, in the corpus's precision.</summary>
    [ReadOnly]
    Task<CorpusRows> ReadRowsAsync(long fromRow, int maxRows);

    /// <summary>Removes the blocks of add <paramref name="ingest"/> and ignores any that arrive later.</summary>
    Task DiscardIngestAsync(Guid ingest);

    /// <summary>Removes every stored block of this shard and forgets it.</summary>
    Task DeleteAsync();
}
