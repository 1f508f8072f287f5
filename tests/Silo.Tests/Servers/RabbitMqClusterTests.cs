using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;
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
        var running = grain.EncodeAsync(["running"]);
        await Poll.UntilAsync(() => encoder.Calls == 1);

        // A quorum queue decides "over the limit" as it commits, so the refusal may come a message late: probe one by one.
        var probes = new List<Task>();
        for (var i = 0; i < 6 && !probes.Any(p => p.Exception?.InnerException is OverloadedException); i++)
        {
            var call = grain.EncodeAsync([$"queued {i}"]);
            probes.Add(call);
            await Task.WhenAny(call, Task.Delay(1000));
        }

        encoder.Gate.SetResult();
        await running;
        var outcomes = await Task.WhenAll(probes.Select(OutcomeAsync));
        var refused = outcomes.OfType<OverloadedException>().FirstOrDefault();
        Assert.NotNull(refused);
        Assert.Contains("model 'm' on cpu is overloaded", refused.Message);
        Assert.All(outcomes, o => Assert.True(o is null or OverloadedException, $"a probe failed otherwise: {o}"));
        Assert.InRange(outcomes.Count(o => o is null), 2, 3);
    }

    [Fact]
    public async Task A_broker_that_stops_accepting_publishes_gives_callers_a_deadline_error_not_a_hang()
    {
        await using var cluster = await Clusters.StartAsync(new HashSentenceEncoder(), silos: 1, client: new GrainCallOptions { Timeout = TimeSpan.FromSeconds(1) });
        var grain = cluster.Client.GetEncoder("m");
        await grain.EncodeAsync(["served"]);

        await servers.RabbitMq.SetMemoryWatermarkAsync(0);
        try
        {
            var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => grain.EncodeAsync(["never confirmed"]).WaitAsync(CallLimit));

            Assert.Contains("no reply from model 'm' on cpu within 1 s", error.Message);
        }
        finally
        {
            await servers.RabbitMq.SetMemoryWatermarkAsync(0.4);
        }
    }

    private static async Task<Exception?> OutcomeAsync(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
