using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>A broker restart while the cluster is idle: the client and every silo reconnect and carry on, without restarting.</summary>
[Collection(ClusterServersCollection.Name)]
public class BrokerRestartTests(ClusterServers servers)
{
    private readonly TestClusters _clusters = TestClusters.On(servers);

    [Fact]
    public async Task Silos_and_clients_reconnect_after_the_broker_restarts()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model);
        var grain = cluster.Client.GetEncoder("m");
        var texts = TestCorpus.Texts(64);
        Reference.AssertClose(model.Encode(texts), await grain.EncodeAsync(texts));

        await servers.RabbitMq.RestartAsync();

        Reference.AssertClose(model.Encode(texts), await EventuallyAsync(() => grain.EncodeAsync(texts)));
        await Poll.UntilAsync(() => cluster.ClientFabric.InspectAsync(new WorkerKey("m", DeviceClass.Cpu)).Result is { Consumers: 2 });
    }

    /// <summary>Retries while the fabric reports itself unavailable (reconnecting) or the queue's consumers are not back yet.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (GrainException e) when (e is FabricUnavailableException or ModelNotServedException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(250);
            }
        }
    }
}
