using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Search;
using Similarity.Silo.Tests.Cluster;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>
/// What an operation leaves behind on a two-silo cluster: nothing after a blocking call; a detached one is listed with
/// its corpus until deleted, and deleting it (or its corpus) while it runs cancels it, leaving no record.
/// </summary>
public sealed class CorpusOperationLifecycleTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Blocking_mining_and_clustering_leave_no_operation_behind()
    {
        await using var client = Cluster.Sdk();
        var corpus = OperationData.Clustered(600, 16, groups: 6, noise: 0.2, seed: 51);
        await OperationData.StoreAsync(client, "life-blocking", corpus, shards: 3);
        var stored = OperationRecords();

        var pairs = await client.CorpusOperations.MineAsync("life-blocking", topK: 3, maxPairs: 50);
        var communities = await client.CorpusOperations.ClusterAsync("life-blocking", threshold: 0.75, minSize: 5);

        Assert.Equal(ParaphraseMiner.Mine(OperationData.ToEmbeddings(corpus), 3, 50).Length, pairs.Length);
        Assert.NotEmpty(communities);
        Assert.Empty(await Cluster.Corpus("life-blocking").GetOperationsAsync());
        Assert.Empty(await client.CorpusOperations.ListAsync("life-blocking"));
        Assert.Equal(stored, OperationRecords());
    }

    [Fact]
    public async Task A_cancelled_blocking_call_deletes_its_running_operation()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "life-interrupted", UnitRows.Random(12_000, 32, seed: 55), shards: 12);
        var stored = OperationRecords();
        using var interrupt = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<OperationProgress>();
        var progress = new Progress<OperationProgress>(p =>
        {
            seen.Enqueue(p);
            if (p.TilesDone >= 1)
            {
                interrupt.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CorpusOperations.MineAsync("life-interrupted", topK: 10, progress: progress, cancellationToken: interrupt.Token));

        Assert.Contains(seen, p => p.Status == OperationStatus.Running && p.TilesDone < p.TilesTotal);
        Assert.Empty(await client.CorpusOperations.ListAsync("life-interrupted"));
        Assert.Equal(stored, OperationRecords());
    }

    [Fact]
    public async Task A_detached_operation_is_listed_with_kind_status_tiles_and_start_until_deleted()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "life-listed", OperationData.Clustered(400, 8, groups: 4, noise: 0.2, seed: 52), shards: 2);
        var before = DateTimeOffset.UtcNow;

        await client.CorpusOperations.StartAsync("life-listed-mine", OperationSpec.Mine("life-listed", topK: 2, maxPairs: 10));
        await client.CorpusOperations.StartAsync("life-listed-cluster", OperationSpec.Cluster("life-listed", threshold: 0.8, minSize: 3));
        await Poll.UntilAsync(() => client.CorpusOperations.ListAsync("life-listed").Result.All(o => o.Status == OperationStatus.Completed));
        var listed = await client.CorpusOperations.ListAsync("life-listed");
        await client.CorpusOperations.DeleteAsync("life-listed-mine");
        var after = await client.CorpusOperations.ListAsync("life-listed");

        Assert.Equal(
            [("life-listed-mine", OperationKind.Mine, 3, 3), ("life-listed-cluster", OperationKind.Cluster, 3, 3)],
            listed.Select(o => (o.Id, o.Kind, o.TilesDone, o.TilesTotal)));
        Assert.All(listed, o => Assert.InRange(o.StartedAt, before, DateTimeOffset.UtcNow));
        Assert.Equal(["life-listed-cluster"], after.Select(o => o.Id));
        var gone = await Assert.ThrowsAsync<OperationNotFoundException>(() => client.CorpusOperations.GetProgressAsync("life-listed-mine"));
        Assert.Contains("'life-listed-mine'", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_running_operation_cancels_it_and_none_of_its_tiles_is_stored()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "life-cancel", UnitRows.Random(12_000, 32, seed: 53), shards: 12);

        await client.CorpusOperations.StartAsync("life-cancel-op", OperationSpec.Mine("life-cancel", topK: 10));
        await Poll.UntilAsync(() => client.CorpusOperations.GetProgressAsync("life-cancel-op").Result.TilesDone >= 1, seconds: 60);
        var running = await client.CorpusOperations.GetProgressAsync("life-cancel-op");
        await client.CorpusOperations.DeleteAsync("life-cancel-op");

        Assert.Equal(OperationStatus.Running, running.Status);
        Assert.True(running.TilesDone < running.TilesTotal, "the operation ended before it was deleted: the test needs a larger corpus");
        Assert.Empty(await client.CorpusOperations.ListAsync("life-cancel"));

        // Tiles still computing when it was deleted finish on their shards; their lists must not bring the record back.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(Cluster.States.States.Keys, key => key.State == "operation" && key.Grain.ToString().Contains("life-cancel-op", StringComparison.Ordinal));
        await Assert.ThrowsAsync<OperationNotFoundException>(() => client.CorpusOperations.GetProgressAsync("life-cancel-op"));
    }

    [Fact]
    public async Task Deleting_a_corpus_deletes_its_operations_running_or_done()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "life-corpus", UnitRows.Random(12_000, 32, seed: 54), shards: 12);
        await client.CorpusOperations.StartAsync("life-corpus-small", OperationSpec.Cluster("life-corpus", threshold: 0.99, minSize: 2));
        await Poll.UntilAsync(() => client.CorpusOperations.GetProgressAsync("life-corpus-small").Result.Status != OperationStatus.Running, seconds: 120);
        await client.CorpusOperations.StartAsync("life-corpus-running", OperationSpec.Mine("life-corpus", topK: 10));

        await client.Corpora.DeleteAsync("life-corpus");

        await Assert.ThrowsAsync<OperationNotFoundException>(() => client.CorpusOperations.GetProgressAsync("life-corpus-small"));
        await Assert.ThrowsAsync<OperationNotFoundException>(() => client.CorpusOperations.GetProgressAsync("life-corpus-running"));
        await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.CorpusOperations.ListAsync("life-corpus"));
    }

    [Fact]
    public async Task Deleting_an_unknown_operation_names_its_id()
    {
        await using var client = Cluster.Sdk();

        var error = await Assert.ThrowsAsync<OperationNotFoundException>(() => client.CorpusOperations.DeleteAsync("life-never-started"));

        Assert.Equal("there is no operation 'life-never-started'", error.Message);
    }

    /// <summary>The operation records the silos have stored, whichever test left them.</summary>
    private int OperationRecords() => Cluster.States.States.Keys.Count(key => key.State == "operation");
}
