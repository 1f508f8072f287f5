using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>Community detection from per-tile neighbour lists on two silos, merged, then the greedy extraction: the communities of in-process detection.</summary>
public sealed class CorpusCommunityTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(1, 0.75, 10)]
    [InlineData(4, 0.75, 10)]
    [InlineData(5, 0.6, 25)]
    [InlineData(3, 0.9, 3)]
    public async Task Communities_over_shards_equal_in_process_detection(int shards, double threshold, int minSize)
    {
        await using var client = Cluster.Sdk();
        var name = $"cluster-{shards}-{minSize}";
        var corpus = OperationData.Clustered(1500, 16, groups: 15, noise: 0.25, seed: 21);
        await OperationData.StoreAsync(client, name, corpus, shards);

        var communities = await client.CorpusOperations.ClusterAsync(name, threshold, minSize);

        var expected = CommunityDetector.Detect(OperationData.ToEmbeddings(corpus), threshold, minSize);
        AssertSame(expected, communities);
        Assert.True(expected.Length >= 5, $"only {expected.Length} communities: the data does not exercise the extraction");
    }

    [Fact]
    public async Task A_float16_corpus_gives_the_communities_of_its_widened_rows()
    {
        await using var client = Cluster.Sdk();
        var corpus = OperationData.Clustered(1200, 24, groups: 10, noise: 0.2, seed: 22);
        await OperationData.StoreAsync(client, "cluster-half", corpus, shards: 3, StoragePrecision.Float16);

        var communities = await client.CorpusOperations.ClusterAsync("cluster-half", 0.8, 5);

        AssertSame(CommunityDetector.Detect(OperationData.AsFloat16(corpus), 0.8, 5), communities);
        Assert.NotEmpty(communities);
    }

    [Fact]
    public async Task An_empty_corpus_has_no_communities()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("cluster-empty", "external", shards: 2);

        Assert.Empty(await client.CorpusOperations.ClusterAsync("cluster-empty"));
    }

    internal static void AssertSame(Community[] expected, CorpusCommunity[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Centre, actual[c].Centre);
            Assert.Equal(expected[c].Members.Select(m => (long)m), actual[c].Members);
        }
    }
}
