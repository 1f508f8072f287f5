using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>A corpus is created with its model's width, refuses a second creation, and is gone with its rows once deleted.</summary>
public sealed class CorpusLifecycleTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_new_corpus_takes_its_width_from_the_model_and_has_no_rows()
    {
        await using var client = Cluster.Sdk();

        var info = await client.Corpora.CreateAsync("fresh", CorpusCluster.Model, shards: 3, StoragePrecision.Float16);

        Assert.Equal(("fresh", CorpusCluster.Model, 16, StoragePrecision.Float16, 0L), (info.Name, info.Model, info.Dimension, info.Precision, info.Rows));
        Assert.Equal([0, 1, 2], info.Shards.Select(s => s.Index));
        Assert.All(info.Shards, s => Assert.Equal(0, s.Rows));
        Assert.Null(info.Ingest);
    }

    [Fact]
    public async Task Shards_are_spread_over_the_silos()
    {
        await using var client = Cluster.Sdk();

        var info = await client.Corpora.CreateAsync("spread", CorpusCluster.Model, shards: 4);

        Assert.Equal(2, info.Shards.Select(s => s.Silo).Distinct().Count());
    }

    [Fact]
    public async Task A_corpus_of_a_model_no_silo_serves_learns_its_width_from_its_first_rows()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("external", "elsewhere", shards: 2);

        await client.Corpora.AddEmbeddingsAsync("external", UnitRows.Random(10, 7, seed: 1));

        Assert.Equal((7, 10L), ((await client.Corpora.GetInfoAsync("external")).Dimension, (await client.Corpora.GetInfoAsync("external")).Rows));
    }

    [Fact]
    public async Task Creating_a_corpus_that_exists_is_refused_and_keeps_its_rows()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("taken", CorpusCluster.Model);
        await client.Corpora.AddTextsAsync("taken", ["a", "b"]);

        var refused = await Assert.ThrowsAsync<CorpusExistsException>(() => client.Corpora.CreateAsync("taken", CorpusCluster.Model));

        Assert.Contains("corpus 'taken' already exists", refused.Message);
        Assert.Equal(2, (await client.Corpora.GetInfoAsync("taken")).Rows);
    }

    [Fact]
    public async Task A_deleted_corpus_is_gone_with_its_stored_rows_and_its_name_can_be_used_again()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("doomed", CorpusCluster.Model, shards: 2);
        await client.Corpora.AddTextsAsync("doomed", ["one", "two", "three"]);

        await client.Corpora.DeleteAsync("doomed");

        var missing = await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.Corpora.GetInfoAsync("doomed"));
        Assert.Equal("corpus 'doomed' does not exist", missing.Message);
        Assert.Empty(await Cluster.Store.ReadShardAsync("doomed", 0, default));
        Assert.Empty(await Cluster.Store.ReadShardAsync("doomed", 1, default));
        var again = await client.Corpora.CreateAsync("doomed", CorpusCluster.Model, shards: 2);
        Assert.Equal(0, again.Rows);
        Assert.All(again.Shards, s => Assert.Equal(0, s.Rows));
    }

    [Fact]
    public async Task Every_call_on_a_corpus_that_does_not_exist_names_it()
    {
        await using var client = Cluster.Sdk();

        Assert.Equal("corpus 'nowhere' does not exist", (await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.Corpora.GetInfoAsync("nowhere"))).Message);
        await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.Corpora.AddTextsAsync("nowhere", ["x"]));
        await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.Corpora.ExportAsync("nowhere"));
        await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.Corpora.DeleteAsync("nowhere"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("spaced name")]
    public async Task A_name_that_cannot_key_a_corpus_is_refused(string name)
    {
        await using var client = Cluster.Sdk();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Corpora.CreateAsync(name, CorpusCluster.Model));

        Assert.Contains($"invalid corpus name '{name}'", refused.Message);
    }
}
