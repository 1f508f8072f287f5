using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;
using Similarity.Silo.Membership;
using Similarity.Silo.Testing;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// What a cluster guarantees whichever fabric carries its calls: each subclass runs these on one fabric (in-memory, or
/// RabbitMQ with PostgreSQL membership) and adds what only that fabric does. Results are checked on real fixture models;
/// test doubles stand in only where a test must hold, slow, fail or count a worker's calls.
/// </summary>
public abstract class ClusterContractTests(TestClusters clusters)
{
    /// <summary>Longest a test waits for a call it expects to finish; a hung call fails the test instead of hanging it.</summary>
    protected static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);

    protected TestClusters Clusters { get; } = clusters;

    [Fact]
    public async Task Results_through_the_cluster_equal_in_process_results()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await Clusters.StartAsync(model);
        var texts = TestCorpus.Texts(100);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Reference.AssertClose(model.Encode(texts), embeddings);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_rows_in_order()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await Clusters.StartAsync(model);
        var inputs = Enumerable.Range(0, 12).Select(c => TestCorpus.Texts(37, $" caller {c}")).ToArray();

        var results = await Task.WhenAll(inputs.Select(texts => cluster.Client.GetEncoder("m").EncodeAsync(texts)));

        for (var c = 0; c < inputs.Length; c++)
        {
            Reference.AssertClose(model.Encode(inputs[c]), results[c]);
        }
    }

    [Fact]
    public async Task The_token_count_of_a_call_is_what_the_model_read()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await Clusters.StartAsync(model);
        var texts = TestCorpus.Texts(30);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Assert.Equal(texts.Sum(t => model.Reference.Tokenizer.Encode(t).Length), embeddings.TokenCount);
    }

    [Fact]
    public async Task Cross_encoder_scores_through_the_cluster_equal_in_process_scores()
    {
        var model = ClusterTestModel.CrossEncoder;
        await using var cluster = await Clusters.StartAsync(model);
        var pairs = TestCorpus.Pairs(41);

        var scores = await cluster.Client.GetCrossEncoder("m").PredictAsync(pairs);

        Reference.AssertClose(model.Predict(pairs), scores);
    }

    [Fact]
    public async Task Two_silos_share_one_queue_and_both_do_work()
    {
        // 50 requests against a prefetch of 32 per silo: neither silo can take them all.
        await using var cluster = await Clusters.StartAsync(new SlowedEncoder(ClusterTestModel.BiEncoder.Encoder, TimeSpan.FromMilliseconds(10)));

        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(400));
        await RepliesCountedAsync(cluster, 50);

        Assert.All(cluster.Silos, silo => Assert.True(silo.Completed > 0, $"{silo.SiloId} handled no requests"));
        Assert.Equal(50, cluster.Silos.Sum(s => s.Completed));
    }

    [Fact]
    public async Task An_empty_call_returns_no_rows_of_the_model_dimension()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync([]);

        Assert.Equal((0, 32), (embeddings.Rows, embeddings.Columns));
    }

    [Fact]
    public async Task A_model_no_silo_serves_fails_fast_naming_the_model()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => cluster.Client.GetEncoder("missing").EncodeAsync(["x"]));

        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public async Task Gpu_requests_are_consumed_only_by_gpu_silos()
    {
        // A double: this machine has no GPU for the real loader, and the test is about routing, not results.
        await using var cluster = await Clusters.StartAsync(new HashSentenceEncoder(), configure: (i, silo) => silo.Device = i == 0 ? "cpu" : "gpu");
        var cpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Cpu);
        var gpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Gpu);

        await cluster.Client.GetEncoder("m", DeviceClass.Gpu).EncodeAsync(TestCorpus.Texts(80));
        await RepliesCountedAsync(cluster, 10);

        Assert.Equal((0L, 10L), (cpu.Completed, gpu.Completed));
    }

    [Fact]
    public async Task Gpu_requests_fail_fast_when_only_cpu_silos_serve_the_model()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => cluster.Client.GetEncoder("m", DeviceClass.Gpu).EncodeAsync(["x"]));

        Assert.Contains("on gpu", error.Message);
    }

    [Fact]
    public async Task Encoding_with_a_cross_encoder_is_refused_naming_the_model()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.CrossEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<UnsupportedOperationException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["x"]));

        Assert.Contains("model 'm' is a cross-encoder", error.Message);
    }

    [Fact]
    public async Task Invalid_utf8_from_a_raw_caller_is_an_invalid_request_naming_the_text()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);
        byte[] request = [1, 1, 2, 1, (byte)'a', 2, 0xC3, 0x28];

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            cluster.ClientFabric.CallAsync(new WorkerKey("m", DeviceClass.Cpu), request, ReplyCodec.ReadMatrix, CallOptions.Default));

        Assert.Contains("text 1 is not valid UTF-8", error.Message);
    }

    [Fact]
    public async Task A_poison_request_is_dead_lettered_after_the_delivery_limit()
    {
        var encoder = new HashSentenceEncoder { Poison = "poison" };
        await using var cluster = await Clusters.StartAsync(encoder, configure: (_, silo) => silo.DeliveryLimit = 2);

        var error = await Assert.ThrowsAsync<DeadLetteredException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["fine", "poison"]));

        // RabbitMQ does not tell how often a dead letter was delivered, so only the in-memory message counts them.
        Assert.Contains("model 'm' on cpu was dead-lettered after", error.Message);
        Assert.Equal(3, encoder.Calls);
    }

    [Fact]
    public async Task A_reply_later_than_the_deadline_is_a_deadline_error()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1, client: new GrainCallOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["slow"]).WaitAsync(CallLimit));

        Assert.Contains("no reply from model 'm' on cpu within 0.5 s", error.Message);
        encoder.Gate.SetResult();
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_at_once()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(encoder, silos: 1);
        using var cancel = new CancellationTokenSource();
        var call = cluster.Client.GetEncoder("m").EncodeAsync(["held"], cancel.Token);
        await Poll.UntilAsync(() => encoder.Calls == 1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(CallLimit));
        encoder.Gate.SetResult();
    }

    [Fact]
    public async Task Work_held_by_a_crashed_silo_is_redelivered_to_the_other()
    {
        // The doomed silo holds every request it takes until it dies; only redelivery can finish the call.
        var model = ClusterTestModel.BiEncoder;
        var holding = new HashSentenceEncoder(model.Encoder.Dimension) { Gate = new TaskCompletionSource() };
        await using var cluster = await Clusters.StartAsync(holding, configure: (i, silo) =>
        {
            if (i == 1)
            {
                silo.Models["m"] = model.Folder;
            }
        });
        var doomed = cluster.Silos.Single(s => s.Service.Models.Single().Encoder == holding);
        var survivor = cluster.Silos.Single(s => s != doomed);
        var texts = TestCorpus.Texts(80);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => holding.Calls > 0);

        await cluster.KillSiloAsync(doomed);

        Reference.AssertClose(model.Encode(texts), await call.WaitAsync(CallLimit));
        await RepliesCountedAsync(cluster, 10);
        Assert.Equal((0L, 10L), (doomed.Completed, survivor.Completed));
    }

    [Fact]
    public async Task A_graceful_stop_finishes_the_work_in_flight_before_the_silo_goes()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await Clusters.StartAsync(new SlowedEncoder(model.Encoder, TimeSpan.FromMilliseconds(200)), silos: 1);
        var silo = cluster.Silos[0];
        var texts = TestCorpus.Texts(16);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => silo.Service.Load.InFlight == 2);

        await cluster.StopSiloAsync(silo);

        Assert.Equal(2, silo.Completed);
        Reference.AssertClose(model.Encode(texts), await call.WaitAsync(CallLimit));
    }

    [Fact]
    public async Task Cluster_status_lists_live_silos_with_roles_models_and_load()
    {
        // A double: the second silo is a gpu silo, which the real loader cannot start without a GPU.
        await using var cluster = await Clusters.StartAsync(new HashSentenceEncoder(), configure: (i, silo) => silo.Device = i == 0 ? "cpu" : "gpu");
        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(16));

        var status = await cluster.GetStatusAsync();

        Assert.Equal(cluster.Silos.Select(s => s.SiloId).Order(StringComparer.Ordinal), status.Silos.Select(s => s.SiloId));
        Assert.Equal([["cpu", "encoder"], ["gpu", "encoder"]], status.Silos.Select(s => s.Roles.ToArray()).OrderBy(r => r[0]));
        Assert.All(status.Silos, s => Assert.Equal(["m"], s.Models));
        Assert.All(status.Silos, s => Assert.Equal((SiloStatus.Active, Environment.ProcessId, 32), (s.Status, s.ProcessId, s.Load.Capacity)));
    }

    [Fact]
    public async Task A_silo_that_stops_gracefully_leaves_membership_at_once()
    {
        await using var cluster = await Clusters.StartAsync(ClusterTestModel.BiEncoder);

        await cluster.StopSiloAsync(cluster.Silos[1]);

        Assert.Equal([cluster.Silos[0].SiloId], (await cluster.GetStatusAsync()).Silos.Select(s => s.SiloId));
    }

    /// <summary>A silo counts a request once the broker has its acknowledgement, which can be just after the caller has the reply.</summary>
    private static Task RepliesCountedAsync(LocalCluster cluster, long requests) =>
        Poll.UntilAsync(() => cluster.Silos.Sum(s => s.Completed) >= requests, seconds: 10);
}
