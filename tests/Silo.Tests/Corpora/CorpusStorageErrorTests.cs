using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>When the block store fails, calls fail naming the shard and the cause, and what was stored before is intact.</summary>
public sealed class CorpusStorageErrorTests : IAsyncLifetime
{
    private readonly FailingBlockStore _store = new();
    private CorpusCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CorpusCluster.StartAsync([new HashSentenceEncoder()], _store);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_add_whose_blocks_cannot_be_written_fails_and_the_rows_stored_before_are_kept()
    {
        await using var client = _cluster.Sdk();
        await client.Corpora.CreateAsync("unwritable", CorpusCluster.Model, shards: 2);
        var before = TestCorpus.Texts(40);
        await client.Corpora.AddTextsAsync("unwritable", before);
        _store.FailWrites = true;

        var failed = await Assert.ThrowsAsync<CorpusIngestException>(() => client.Corpora.AddTextsAsync("unwritable", TestCorpus.Texts(30, " more")));

        Assert.Contains("could not store a block in shard", failed.Message);
        Assert.Contains("of corpus 'unwritable': connection to the database was lost", failed.Message);
        _store.FailWrites = false;
        var info = await client.Corpora.GetInfoAsync("unwritable");
        Assert.Equal((40L, 40L), (info.Rows, info.Shards.Sum(s => s.Rows)));
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), before), (await client.Corpora.ExportAsync("unwritable")).ToEmbeddingMatrix());
    }

    [Fact]
    public async Task A_shard_whose_blocks_cannot_be_read_fails_naming_it_and_loads_once_storage_is_back()
    {
        _store.FailReads = true;

        var failed = await Assert.ThrowsAsync<CorpusStorageException>(() => _cluster.Shard("unreadable", 3).GetInfoAsync());

        Assert.Equal("could not load the blocks of shard 3 of corpus 'unreadable': connection to the database was lost", failed.Message);
        _store.FailReads = false;
        Assert.Equal(0, (await _cluster.Shard("unreadable", 3).GetInfoAsync()).Rows);
    }

    [Fact]
    public async Task Texts_that_cannot_be_read_fail_naming_the_corpus()
    {
        await using var client = _cluster.Sdk();
        await client.Corpora.CreateAsync("textless", CorpusCluster.Model, shards: 1);
        await client.Corpora.AddTextsAsync("textless", ["one", "two"]);
        _store.FailReads = true;

        var failed = await Assert.ThrowsAsync<CorpusStorageException>(() => client.Corpora.GetTextsAsync("textless", [1]));

        Assert.Equal("could not read texts of corpus 'textless': connection to the database was lost", failed.Message);
        _store.FailReads = false;
    }
}
