using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Corpora.Operations;
using Similarity.Grains.Lifecycle;
using Similarity.Silo.Schema;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>
/// A silo killed in the middle of an operation while no client asks about it: the operation's reminder (in PostgreSQL,
/// as a cluster keeps reminders) brings it back on the survivor with its shards, it completes with the in-process
/// communities, and its reminder is gone once it has.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CorpusOperationSiloLossTests(PostgresDatabases databases)
{
    [Fact]
    public async Task A_silo_killed_mid_operation_with_no_client_asking_is_resumed_by_its_reminder_with_the_in_process_communities()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        await using var cluster = await CorpusCluster.StartAsync(
            [new HashSentenceEncoder(), new HashSentenceEncoder()], reminders: database, resumePeriod: TimeSpan.FromSeconds(1));
        await using var client = cluster.Sdk();
        var corpus = OperationData.Clustered(24_000, 48, groups: 40, noise: 0.25, seed: 31);
        await OperationData.StoreAsync(client, "lost", corpus, shards: 12);
        var spec = OperationSpec.Cluster("lost", threshold: 0.75, minSize: 10);
        var victim = cluster.Orleans.Silos[1].SiloAddress.ToString();

        // One operation on each silo: the killed silo's comes back by its reminder, the survivor's runs on undisturbed.
        var started = new List<OperationProgress>();
        foreach (var silo in cluster.Orleans.Silos.ToArray())
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
            try
            {
                started.Add(await client.CorpusOperations.StartAsync($"lost-{started.Count}", spec));
            }
            finally
            {
                RequestContext.Clear();
            }
        }

        Assert.Contains(started, p => p.Silo == victim);
        var onVictim = started.First(p => p.Silo == victim).Id;
        await Poll.UntilAsync(() => client.CorpusOperations.GetProgressAsync(onVictim).Result.TilesDone >= 3, seconds: 120);
        var before = await client.CorpusOperations.GetProgressAsync(onVictim);
        await cluster.Orleans.KillSiloAsync(cluster.Orleans.Silos[1]);
        Assert.True(before.Status == OperationStatus.Running && before.TilesDone < 60, $"the operation was at {before.TilesDone} of 78 tiles: the test needs a larger workload");

        // From here on nothing calls the operations until their stored state says they ended: only the reminder can resume them.
        foreach (var operation in started)
        {
            await Poll.UntilAsync(() => StoredStatus(cluster, operation.Id) != OperationStatus.Running, seconds: 180);
        }

        var expected = CommunityDetector.Detect(OperationData.ToEmbeddings(corpus), 0.75, 10);
        var reminders = cluster.Orleans.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        foreach (var operation in started)
        {
            var grain = cluster.Client.GetGrain<ICorpusOperationGrain>(operation.Id);
            var now = await client.CorpusOperations.GetProgressAsync(operation.Id);
            Assert.Equal((OperationStatus.Completed, 78), (now.Status, now.TilesDone));
            Assert.NotEqual(victim, now.Silo);
            CorpusCommunityTests.AssertSame(expected, await grain.GetCommunitiesAsync());
            await Poll.UntilAsync(() => reminders.ReadRow(grain.GetGrainId(), ResumeReminder.Name).Result is null, seconds: 30);
        }

        Assert.True(expected.Length >= 20, $"only {expected.Length} communities");
    }

    /// <summary>The operation's status as the silos stored it, read without calling (and so without activating) its grain.</summary>
    private static OperationStatus StoredStatus(CorpusCluster cluster, string id)
    {
        var grain = cluster.Client.GetGrain<ICorpusOperationGrain>(id).GetGrainId();
        return cluster.States.States.TryGetValue(("operation", grain), out var stored) ? ((OperationState)stored.Value).Status : OperationStatus.Running;
    }
}
