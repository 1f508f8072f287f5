using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Corpora.Storage;
using Similarity.Silo.Corpora;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>A TEST DOUBLE block store: a memory store whose writes or reads fail on demand, as a database that went away would.</summary>
public sealed class FailingBlockStore : ICorpusBlockStore
{
    private readonly MemoryCorpusBlockStore _inner = new();

    public bool FailWrites { get; set; }

    public bool FailReads { get; set; }

    public Task<bool> AppendAsync(string corpus, int shard, StoredBlock block, CancellationToken cancellationToken) =>
        FailWrites ? throw Failure() : _inner.AppendAsync(corpus, shard, block, cancellationToken);

    public Task<IReadOnlyList<RowBlock>> ReadShardAsync(string corpus, int shard, CancellationToken cancellationToken) =>
        FailReads ? throw Failure() : _inner.ReadShardAsync(corpus, shard, cancellationToken);

    public Task<string?[]> ReadTextsAsync(string corpus, IReadOnlyList<long> rows, CancellationToken cancellationToken) =>
        FailReads ? throw Failure() : _inner.ReadTextsAsync(corpus, rows, cancellationToken);

    public Task DiscardIngestAsync(string corpus, int shard, Guid ingest, CancellationToken cancellationToken) =>
        FailWrites ? throw Failure() : _inner.DiscardIngestAsync(corpus, shard, ingest, cancellationToken);

    public Task DeleteShardAsync(string corpus, int shard, CancellationToken cancellationToken) =>
        FailWrites ? throw Failure() : _inner.DeleteShardAsync(corpus, shard, cancellationToken);

    private static IOException Failure() => new("connection to the database was lost");
}
