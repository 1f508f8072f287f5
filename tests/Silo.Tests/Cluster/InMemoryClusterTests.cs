using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// The cluster contract on the in-memory fabric (the embedded default, no servers), what only that fabric does (an exact
/// queue bound, abandoning a cancelled call's work), and the caller's own checks, which need no servers.
/// </summary>
public class InMemoryClusterTests() : ClusterContractTests(TestClusters.InMemory)
{
    [Fact]
    public async Task Past_the_queue_bound_callers_are_told_the_model_is_overloaded()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1, configure: (_, silo) => (silo.Prefetch, silo.MaxQueueLength) = (2, 3));
        var grain = cluster.Client.GetEncoder("m");
        var running = Enumerable.Range(0, 2).Select(i => grain.EncodeAsync([$"running {i}"])).ToArray();
        await Poll.UntilAsync(() => encoder.Calls == 2);
        var queued = Enumerable.Range(0, 3).Select(i => grain.EncodeAsync([$"queued {i}"])).ToArray();

        var error = await Assert.ThrowsAsync<OverloadedException>(() => grain.EncodeAsync(["one too many"]));

        Assert.Contains("model 'm' on cpu is overloaded", error.Message);
        encoder.Gate.SetResult();
        await Task.WhenAll([.. running, .. queued]);
    }

    [Fact]
    public async Task The_work_of_a_caller_that_cancels_is_abandoned()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1);
        using var cancel = new CancellationTokenSource();
        var call = cluster.Client.GetEncoder("m").EncodeAsync(["never finished"], cancel.Token);
        await Poll.UntilAsync(() => encoder.Calls == 1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Poll.UntilAsync(() => cluster.Silos[0].Service.Load.InFlight == 0);
        Assert.Equal(0, cluster.Silos[0].Completed);
    }

    [Fact]
    public async Task A_text_larger_than_a_request_may_be_is_refused_naming_it()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1, client: new GrainCallOptions { MaxRequestBytes = 1000 });

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["short", new string('x', 2000)]));

        Assert.Contains("text 1 takes 2002 bytes", error.Message);
    }

    [Fact]
    public async Task Requests_are_cut_by_size_as_well_as_by_count()
    {
        var encoder = new HashSentenceEncoder();
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1, client: new GrainCallOptions { MaxRequestBytes = 1000, MaxItemsPerRequest = 100 });
        var texts = Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 300)).ToArray();

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Assert.Equal(4, encoder.Calls);
        Reference.AssertSame(Reference.Encode(encoder, texts), embeddings);
    }

    [Fact]
    public async Task A_text_with_a_lone_surrogate_is_refused_before_sending()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["ok", "bad \uDC00"]));

        Assert.Contains("text 1", error.Message);
    }
}
