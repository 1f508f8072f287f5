using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Silo.Tests.Cluster;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>Paraphrase mining as tiles (shard i × shard j, i ≤ j) on two silos, merged: the pairs in-process mining gives on the same embeddings.</summary>
public sealed class CorpusMiningTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine, 3, 100_000)]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine, 4, 250)]
    [InlineData(ScoreFunction.Manhattan, SimilarityFunction.Manhattan, 3, 400)]
    [InlineData(ScoreFunction.Dot, SimilarityFunction.Dot, 5, 100_000)]
    public async Task Pairs_over_shards_equal_in_process_mining(ScoreFunction function, SimilarityFunction kernel, int shards, int maxPairs)
    {
        await using var client = Cluster.Sdk();
        var name = $"mine-{function}-{shards}-{maxPairs}".ToLowerInvariant();
        var corpus = OperationData.WithTies(1000, 16, seed: 11);
        await OperationData.StoreAsync(client, name, corpus, shards);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<OperationProgress>();

        var pairs = await client.CorpusOperations.MineAsync(name, topK: 6, maxPairs, function, new Progress<OperationProgress>(seen.Enqueue));

        var expected = ParaphraseMiner.Mine(OperationData.ToEmbeddings(corpus), 6, maxPairs, kernel);
        Assert.Equal(expected.Select(p => ((long)p.First, (long)p.Second, p.Score)), pairs.Select(p => (p.First, p.Second, p.Score)));
        Assert.True(pairs.GroupBy(p => p.Score).Any(g => g.Count() > 1), "no tied pairs: the data does not exercise tie-breaking");
        await Poll.UntilAsync(() => seen.Any(p => p.Status == OperationStatus.Completed));
        Assert.All(seen, p => Assert.Equal(shards * (shards + 1) / 2, p.TilesTotal));
    }

    [Fact]
    public async Task A_float16_corpus_mines_the_pairs_of_its_widened_rows()
    {
        await using var client = Cluster.Sdk();
        var corpus = OperationData.WithTies(800, 32, seed: 12);
        await OperationData.StoreAsync(client, "mine-half", corpus, shards: 3, StoragePrecision.Float16);

        var pairs = await client.CorpusOperations.MineAsync("mine-half", topK: 4, maxPairs: 1000);

        var expected = ParaphraseMiner.Mine(OperationData.AsFloat16(corpus), 4, 1000);
        Assert.Equal(expected.Select(p => ((long)p.First, (long)p.Second, p.Score)), pairs.Select(p => (p.First, p.Second, p.Score)));
        var single = ParaphraseMiner.Mine(OperationData.ToEmbeddings(corpus), 4, 1000);
        Assert.All(pairs.Zip(single), p => Assert.InRange(p.First.Score - p.Second.Score, -1e-3, 1e-3));
    }

    [Fact]
    public async Task An_operation_is_queryable_by_id_and_refuses_another_request_under_it()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "mine-id", UnitRows.Random(300, 8, seed: 13), shards: 2);
        var spec = OperationSpec.Mine("mine-id", topK: 3, maxPairs: 10);

        await client.CorpusOperations.StartAsync("op-mine-id", spec);
        while ((await client.CorpusOperations.GetProgressAsync("op-mine-id")).Status == OperationStatus.Running)
        {
            await Task.Delay(20);
        }

        var again = await client.CorpusOperations.StartAsync("op-mine-id", spec);
        var other = await Assert.ThrowsAsync<InvalidRequestException>(() => client.CorpusOperations.StartAsync("op-mine-id", OperationSpec.Mine("mine-id", topK: 4)));

        Assert.Equal((OperationStatus.Completed, 3, 3), (again.Status, again.TilesDone, again.TilesTotal));
        Assert.Contains("op-mine-id", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_name_the_corpus_or_the_option()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "mine-bad", UnitRows.Random(100, 8, seed: 14), shards: 2);

        var missing = await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.CorpusOperations.MineAsync("mine-none"));
        var topK = await Assert.ThrowsAsync<InvalidRequestException>(() => client.CorpusOperations.MineAsync("mine-bad", topK: 0));
        var threshold = await Assert.ThrowsAsync<InvalidRequestException>(() => client.CorpusOperations.ClusterAsync("mine-bad", threshold: double.NaN));

        Assert.Contains("mine-none", missing.Message, StringComparison.Ordinal);
        Assert.Contains("top-k (0)", topK.Message, StringComparison.Ordinal);
        Assert.Contains("threshold", threshold.Message, StringComparison.Ordinal);
    }
}
