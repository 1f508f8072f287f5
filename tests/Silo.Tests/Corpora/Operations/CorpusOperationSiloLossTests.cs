using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Silo.Tests.Cluster;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>A silo killed in the middle of an operation: its shards and the operation come back on the survivor, and the result is the same.</summary>
public sealed class CorpusOperationSiloLossTests
{
    [Fact]
    public async Task A_silo_killed_mid_operation_leaves_the_in_process_communities()
    {
        await using var cluster = await CorpusCluster.StartAsync();
        await using var client = cluster.Sdk();
        var corpus = OperationData.Clustered(24_000, 48, groups: 40, noise: 0.25, seed: 31);
        await OperationData.StoreAsync(client, "lost", corpus, shards: 12);
        var spec = OperationSpec.Cluster("lost", threshold: 0.75, minSize: 10);
        var victim = cluster.Orleans.Silos[1].SiloAddress.ToString();

        // Operations are placed at random: start them until one runs on the silo to be killed (its shards are there too).
        var started = new List<OperationProgress>();
        for (var attempt = 0; attempt < 8 && !started.Exists(p => p.Silo == victim); attempt++)
        {
            started.Add(await client.CorpusOperations.StartAsync($"lost-{attempt}", spec));
        }

        Assert.Contains(started, p => p.Silo == victim);
        var onVictim = started.First(p => p.Silo == victim).Id;
        await Poll.UntilAsync(() => client.CorpusOperations.GetProgressAsync(onVictim).Result.TilesDone >= 3, seconds: 120);
        var before = await client.CorpusOperations.GetProgressAsync(onVictim);
        await cluster.Orleans.KillSiloAsync(cluster.Orleans.Silos[1]);
        Assert.True(before.Status == OperationStatus.Running && before.TilesDone < 60, $"the operation was at {before.TilesDone} of 78 tiles: the test needs a larger workload");

        var expected = CommunityDetector.Detect(OperationData.ToEmbeddings(corpus), 0.75, 10);
        foreach (var operation in started)
        {
            OperationProgress now;
            do
            {
                await Task.Delay(100);
                now = await client.CorpusOperations.GetProgressAsync(operation.Id);
            }
            while (now.Status == OperationStatus.Running);

            Assert.Equal((OperationStatus.Completed, 78), (now.Status, now.TilesDone));
            Assert.NotEqual(victim, now.Silo);
            var communities = await cluster.Client.GetGrain<ICorpusOperationGrain>(operation.Id).GetCommunitiesAsync();
            CorpusCommunityTests.AssertSame(expected, communities);
        }

        Assert.True(expected.Length >= 20, $"only {expected.Length} communities");
    }
}
