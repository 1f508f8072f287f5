using Similarity.Grains.Corpora.Rows;

namespace Similarity.Grains.Corpora.Storage;

/// <summary>
/// Where shards keep their blocks: PostgreSQL in a cluster (binary blocks), memory in an embedded silo. Blocks are keyed
/// by corpus and first row, so writing one twice stores it once. Loading a shard reads its embeddings only; texts are
/// read by row id when results need them.
/// </summary>
public interface ICorpusBlockStore
{
    /// <summary>Stores <paramref name="block"/> for shard <paramref name="shard"/>; false when a block with its first row was already stored.</summary>
    Task<bool> AppendAsync(string corpus, int shard, StoredBlock block, CancellationToken cancellationToken);

    /// <summary>Every block of the shard, without texts, in row order.</summary>
    Task<IReadOnlyList<RowBlock>> ReadShardAsync(string corpus, int shard, CancellationToken cancellationToken);

    /// <summary>The texts of <paramref name="rows"/> in the corpus, in the same order; null for a row without text or not stored.</summary>
    Task<string?[]> ReadTextsAsync(string corpus, IReadOnlyList<long> rows, CancellationToken cancellationToken);

    /// <summary>Removes the shard's blocks of add <paramref name="ingest"/>.</summary>
    Task DiscardIngestAsync(string corpus, int shard, Guid ingest, CancellationToken cancellationToken);

    /// <summary>Removes every block of the shard.</summary>
    Task DeleteShardAsync(string corpus, int shard, CancellationToken cancellationToken);
}
