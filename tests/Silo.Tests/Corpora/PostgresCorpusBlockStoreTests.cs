using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Corpora.Storage;
using Similarity.Silo.Corpora;
using Similarity.Silo.Schema;
using Similarity.Silo.Tests.Schema;
using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>The PostgreSQL block store on the migrated schema: blocks round-trip bit for bit, are written once, are read back by shard and texts by row, and go when discarded or deleted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCorpusBlockStoreTests(PostgresDatabases databases) : IAsyncLifetime
{
    private string _database = null!;
    private PostgresCorpusBlockStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(_database, default);
        _store = new PostgresCorpusBlockStore(_database);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Float32_and_float16_blocks_come_back_bit_for_bit_in_row_order()
    {
        var ingest = Guid.NewGuid();
        var single = Block(100, ingest, 7, 33, 384, StoragePrecision.Float32, seed: 1);
        var half = Block(0, ingest, 2, 50, 384, StoragePrecision.Float16, seed: 2);

        Assert.True(await _store.AppendAsync("c", 1, new StoredBlock(single, null), default));
        Assert.True(await _store.AppendAsync("c", 2, new StoredBlock(half, null), default));

        var one = Assert.Single(await _store.ReadShardAsync("c", 1, default));
        Assert.Equal((100L, ingest, 7L, 33, 384, StoragePrecision.Float32), (one.FirstRow, one.Ingest, one.Sequence, one.Count, one.Dimension, one.Precision));
        Assert.True(single.Single.SequenceEqual(one.Single));
        var two = Assert.Single(await _store.ReadShardAsync("c", 2, default));
        Assert.Equal(StoragePrecision.Float16, two.Precision);
        Assert.True(half.Half.SequenceEqual(two.Half));
        Assert.Equal(50L * 384 * 2, await Sql.ScalarAsync<int>(_database, "SELECT octet_length(embeddings) FROM corpus_block WHERE shard = 2"));
    }

    [Fact]
    public async Task Many_blocks_written_in_any_order_are_read_back_by_shard_in_row_order()
    {
        var ingest = Guid.NewGuid();
        var blocks = Enumerable.Range(0, 120).Select(i => Block(i * 64L, ingest, i, 64, 32, StoragePrecision.Float32, seed: i)).ToArray();

        await Task.WhenAll(blocks.Reverse().Select(b => _store.AppendAsync("bulk", (int)(b.Sequence % 3), new StoredBlock(b, null), default)));

        for (var shard = 0; shard < 3; shard++)
        {
            var read = await _store.ReadShardAsync("bulk", shard, default);
            var expected = blocks.Where(b => b.Sequence % 3 == shard).ToArray();
            Assert.Equal(expected.Select(b => b.FirstRow), read.Select(b => b.FirstRow));
            Assert.All(expected.Zip(read), pair => Assert.True(pair.First.Single.SequenceEqual(pair.Second.Single), $"block at row {pair.First.FirstRow} differs"));
        }
    }

    [Fact]
    public async Task A_block_written_twice_is_stored_once()
    {
        var block = Block(0, Guid.NewGuid(), 0, 10, 8, StoragePrecision.Float32, seed: 3);

        Assert.True(await _store.AppendAsync("twice", 0, new StoredBlock(block, null), default));
        Assert.False(await _store.AppendAsync("twice", 0, new StoredBlock(block, null), default));

        Assert.Equal(1L, await Sql.ScalarAsync<long>(_database, "SELECT count(*) FROM corpus_block WHERE corpus = 'twice'"));
    }

    [Fact]
    public async Task Texts_are_read_by_row_across_blocks_and_shards()
    {
        var ingest = Guid.NewGuid();
        string[] first = ["zero", "one", "two"];
        string[] second = ["three", "", "fünf 🎸"];
        await _store.AppendAsync("texts", 0, new StoredBlock(Block(0, ingest, 0, 3, 4, StoragePrecision.Float32, 4), first), default);
        await _store.AppendAsync("texts", 1, new StoredBlock(Block(3, ingest, 1, 3, 4, StoragePrecision.Float32, 5), second), default);
        await _store.AppendAsync("texts", 0, new StoredBlock(Block(6, ingest, 2, 2, 4, StoragePrecision.Float32, 6), null), default);

        var texts = await _store.ReadTextsAsync("texts", [5, 0, 4, 7, 3, 8, 2], default);

        Assert.Equal((string?[])["fünf 🎸", "zero", "", null, "three", null, "two"], texts);
    }

    [Fact]
    public async Task Discarding_an_add_removes_only_its_blocks_of_that_shard()
    {
        var kept = Guid.NewGuid();
        var aborted = Guid.NewGuid();
        await _store.AppendAsync("d", 0, new StoredBlock(Block(0, kept, 0, 5, 4, StoragePrecision.Float32, 7), null), default);
        await _store.AppendAsync("d", 0, new StoredBlock(Block(5, aborted, 1, 5, 4, StoragePrecision.Float32, 8), null), default);
        await _store.AppendAsync("d", 1, new StoredBlock(Block(10, aborted, 2, 5, 4, StoragePrecision.Float32, 9), null), default);

        await _store.DiscardIngestAsync("d", 0, aborted, default);

        Assert.Equal([0L], (await _store.ReadShardAsync("d", 0, default)).Select(b => b.FirstRow));
        Assert.Equal([10L], (await _store.ReadShardAsync("d", 1, default)).Select(b => b.FirstRow));
    }

    [Fact]
    public async Task Deleting_a_shard_removes_its_blocks_and_no_other_corpus_s()
    {
        var ingest = Guid.NewGuid();
        await _store.AppendAsync("gone", 0, new StoredBlock(Block(0, ingest, 0, 5, 4, StoragePrecision.Float32, 10), ["a", "b", "c", "d", "e"]), default);
        await _store.AppendAsync("stays", 0, new StoredBlock(Block(0, ingest, 0, 5, 4, StoragePrecision.Float32, 11), null), default);

        await _store.DeleteShardAsync("gone", 0, default);

        Assert.Empty(await _store.ReadShardAsync("gone", 0, default));
        Assert.Equal((string?[])[null], await _store.ReadTextsAsync("gone", [1], default));
        Assert.Single(await _store.ReadShardAsync("stays", 0, default));
    }

    [Fact]
    public async Task The_table_refuses_a_block_whose_bytes_do_not_match_its_shape()
    {
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Sql.ExecuteAsync(
            _database,
            "INSERT INTO corpus_block (corpus, first_row, shard, row_count, dimension, precision, ingest, sequence, embeddings) "
            + "VALUES ('bad', 0, 0, 2, 4, 4, gen_random_uuid(), 0, '\\x00'::bytea)"));

        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    private static RowBlock Block(long firstRow, Guid ingest, long sequence, int rows, int dimension, StoragePrecision precision, int seed) =>
        RowBlock.Of(firstRow, ingest, sequence, dimension, UnitRows.Random(rows, dimension, seed).Values, precision);
}
