using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// The cluster contract on real RabbitMQ (quorum queues, direct reply-to, confirms, dead-lettering) with PostgreSQL
/// membership, and what only the broker does (a queue bound it enforces as it commits).
/// </summary>
[Collection(ClusterServersCollection.Name)]
public class RabbitMqClusterTests(ClusterServers servers) : ClusterContractTests(TestClusters.On(servers))
{
    [Fact]
    public async Task Past_the_queue_bound_the_broker_refuses_the_publish_and_callers_are_told_overloaded()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1, configure: (_, silo) => (silo.Prefetch, silo.MaxQueueLength) = (1, 2));
        var grain = cluster.Client.GetEncoder("m");
        var admitted = new List<Task> { grain.EncodeAsync(["running"]) };
        await Poll.UntilAsync(() => encoder.Calls == 1);

        // A quorum queue decides "over the limit" as it commits, so the refusal may come a message late: probe one by one.
        OverloadedException? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var call = grain.EncodeAsync([$"queued {i}"]);
            await Task.WhenAny(call, Task.Delay(500));
            if (call.IsFaulted && call.Exception!.InnerException is OverloadedException overloaded)
            {
                refused = overloaded;
            }
            else
            {
                admitted.Add(call);
            }
        }

        Assert.NotNull(refused);
        Assert.Contains("model 'm' on cpu is overloaded", refused.Message);
        Assert.InRange(admitted.Count - 1, 2, 3);
        encoder.Gate.SetResult();
        await Task.WhenAll(admitted);
    }
}
