using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>The fabric's contract on real RabbitMQ (quorum queues, direct reply-to, confirms, dead-lettering) and PostgreSQL membership.</summary>
[Collection(ClusterServersCollection.Name)]
public class RabbitMqClusterTests(ClusterServers servers)
{
    private readonly TestClusters _clusters = TestClusters.On(servers);

    [Fact]
    public async Task Results_through_the_cluster_equal_in_process_results()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model);
        var texts = TestCorpus.Texts(300);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Reference.AssertClose(model.Encode(texts), embeddings);
        Assert.All(cluster.Silos, silo => Assert.True(silo.Completed > 0, $"{silo.SiloId} handled no requests"));
    }

    [Fact]
    public async Task Cross_encoder_scores_through_the_cluster_equal_in_process_scores()
    {
        var model = ClusterTestModel.CrossEncoder;
        await using var cluster = await _clusters.StartAsync(model);
        var pairs = TestCorpus.Pairs(60);

        var scores = await cluster.Client.GetCrossEncoder("m").PredictAsync(pairs);

        Reference.AssertClose(model.Predict(pairs), scores);
    }

    [Fact]
    public async Task Two_silos_share_one_queue_and_both_do_work()
    {
        var encoder = new SlowedEncoder(ClusterTestModel.BiEncoder.Encoder, TimeSpan.FromMilliseconds(10));
        await using var cluster = await _clusters.StartAsync(encoder);

        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(640));

        Assert.All(cluster.Silos, silo => Assert.True(silo.Completed > 0, $"{silo.SiloId} handled no requests"));
        Assert.Equal(80, cluster.Silos.Sum(s => s.Completed));
    }

    [Fact]
    public async Task A_model_no_silo_serves_fails_fast_naming_the_model()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => cluster.Client.GetEncoder("unknown-model").EncodeAsync(["x"]));

        Assert.Contains("'unknown-model'", error.Message);
    }

    [Fact]
    public async Task Gpu_requests_are_consumed_only_by_gpu_silos()
    {
        // A double: this machine has no GPU for the real loader, and the test is about routing, not results.
        await using var cluster = await _clusters.StartAsync(new HashSentenceEncoder(), configure: (i, silo) => silo.Device = i == 0 ? "cpu" : "gpu");
        var cpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Cpu);
        var gpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Gpu);

        await cluster.Client.GetEncoder("m", DeviceClass.Gpu).EncodeAsync(TestCorpus.Texts(80));

        Assert.Equal((0L, 10L), (cpu.Completed, gpu.Completed));
    }

    [Fact]
    public async Task A_text_larger_than_a_request_may_be_is_refused_naming_it()
    {
        await using var cluster = await _clusters.StartAsync(
            ClusterTestModel.BiEncoder, silos: 1, client: new GrainCallOptions { MaxRequestBytes = 64 * 1024 });

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["ok", new string('x', 100_000)]));

        Assert.Contains("text 1 takes 100003 bytes", error.Message);
    }

    [Fact]
    public async Task Invalid_utf8_from_a_raw_caller_is_an_invalid_request_naming_the_text()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);
        byte[] request = [1, 1, 1, 3, (byte)'a', 0xED, 0xA0];

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            cluster.ClientFabric.CallAsync(new WorkerKey("m", DeviceClass.Cpu), request, ReplyCodec.ReadMatrix, CallOptions.Default));

        Assert.Contains("text 0 is not valid UTF-8", error.Message);
    }

    [Fact]
    public async Task A_poison_request_is_dead_lettered_and_its_caller_gets_an_error()
    {
        var encoder = new HashSentenceEncoder { Poison = "poison" };
        await using var cluster = await _clusters.StartAsync(encoder, configure: (_, silo) => silo.DeliveryLimit = 1);

        var error = await Assert.ThrowsAsync<DeadLetteredException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["poison"]));

        Assert.Contains("model 'm' on cpu was dead-lettered", error.Message);
        Assert.Equal(2, encoder.Calls);
    }

    [Fact]
    public async Task Past_the_queue_bound_the_broker_refuses_the_publish_and_callers_are_told_overloaded()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1, configure: (_, silo) => (silo.Prefetch, silo.MaxQueueLength) = (1, 2));
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

    [Fact]
    public async Task A_reply_later_than_the_deadline_is_a_deadline_error()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(
            encoder, silos: 1, client: new GrainCallOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        await Assert.ThrowsAsync<DeadlineExceededException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["slow"]));

        encoder.Gate.SetResult();
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_at_once()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1);
        using var cancel = new CancellationTokenSource();
        var call = cluster.Client.GetEncoder("m").EncodeAsync(["held"], cancel.Token);
        await Poll.UntilAsync(() => encoder.Calls == 1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        encoder.Gate.SetResult();
    }

    [Fact]
    public async Task Work_on_a_silo_that_stops_gracefully_is_finished_or_handed_over()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(new SlowedEncoder(model.Encoder, TimeSpan.FromMilliseconds(20)));
        var texts = TestCorpus.Texts(800);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => cluster.Silos[0].Completed > 3);

        await cluster.StopSiloAsync(cluster.Silos[0]);

        Reference.AssertClose(model.Encode(texts), await call);
    }

    [Fact]
    public async Task Work_on_a_crashed_silo_is_redelivered_to_the_other()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(new SlowedEncoder(model.Encoder, TimeSpan.FromMilliseconds(20)));
        var texts = TestCorpus.Texts(800);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => cluster.Silos[0].Completed > 3);

        await cluster.KillSiloAsync(cluster.Silos[0]);

        Reference.AssertClose(model.Encode(texts), await call);
    }
}
