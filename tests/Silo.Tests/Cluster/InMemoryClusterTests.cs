using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// The fabric's contract on the in-memory fabric: the embedded default, no servers. Results are checked on real fixture
/// models; test doubles stand in only where a test must hold, slow, fail or count a worker's calls.
/// </summary>
public class InMemoryClusterTests
{
    private readonly TestClusters _clusters = TestClusters.InMemory;

    [Fact]
    public async Task Results_through_the_cluster_equal_in_process_results()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model);
        var texts = TestCorpus.Texts(100);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Reference.AssertClose(model.Encode(texts), embeddings);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_rows_in_order()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(model);
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
        await using var cluster = await _clusters.StartAsync(model);
        var texts = TestCorpus.Texts(30);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Assert.Equal(texts.Sum(t => model.Reference.Tokenizer.Encode(t).Length), embeddings.TokenCount);
    }

    [Fact]
    public async Task Two_silos_share_one_queue_and_both_do_work()
    {
        await using var cluster = await _clusters.StartAsync(new SlowedEncoder(ClusterTestModel.BiEncoder.Encoder, TimeSpan.FromMilliseconds(5)));

        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(400));

        Assert.All(cluster.Silos, silo => Assert.True(silo.Completed > 0, $"{silo.SiloId} handled no requests"));
        Assert.Equal(50, cluster.Silos.Sum(s => s.Completed));
    }

    [Fact]
    public async Task An_empty_call_returns_no_rows_of_the_model_dimension()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync([]);

        Assert.Equal((0, 32), (embeddings.Rows, embeddings.Columns));
    }

    [Fact]
    public async Task A_model_no_silo_serves_fails_fast_naming_the_model()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => cluster.Client.GetEncoder("missing").EncodeAsync(["x"]));

        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public async Task Gpu_requests_are_consumed_only_by_gpu_silos()
    {
        // A double: this machine has no GPU for the real loader, and the test is about routing, not results.
        var encoder = new HashSentenceEncoder();
        await using var cluster = await _clusters.StartAsync(encoder, configure: (i, silo) => silo.Device = i == 0 ? "cpu" : "gpu");
        var cpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Cpu);
        var gpu = cluster.Silos.Single(s => s.Service.Identity.Device == DeviceClass.Gpu);

        await cluster.Client.GetEncoder("m", DeviceClass.Gpu).EncodeAsync(TestCorpus.Texts(80));

        Assert.Equal((0L, 10L), (cpu.Completed, gpu.Completed));
    }

    [Fact]
    public async Task Gpu_requests_fail_fast_when_only_cpu_silos_serve_the_model()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => cluster.Client.GetEncoder("m", DeviceClass.Gpu).EncodeAsync(["x"]));

        Assert.Contains("on gpu", error.Message);
    }

    [Fact]
    public async Task Past_the_queue_bound_callers_are_told_the_model_is_overloaded()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1, configure: (_, silo) => (silo.Prefetch, silo.MaxQueueLength) = (2, 3));
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
    public async Task A_poison_request_is_dead_lettered_after_the_delivery_limit()
    {
        var encoder = new HashSentenceEncoder { Poison = "poison" };
        await using var cluster = await _clusters.StartAsync(encoder, configure: (_, silo) => silo.DeliveryLimit = 2);

        var error = await Assert.ThrowsAsync<DeadLetteredException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["fine", "poison"]));

        Assert.Contains("after 3 deliveries", error.Message);
        Assert.Equal(3, encoder.Calls);
    }

    [Fact]
    public async Task A_reply_later_than_the_deadline_is_a_deadline_error()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1, client: new GrainCallOptions { Timeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["slow"]));

        Assert.Contains("within 0.2 s", error.Message);
        encoder.Gate.SetResult();
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_and_its_work_is_abandoned()
    {
        var encoder = new HashSentenceEncoder { Gate = new TaskCompletionSource() };
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1);
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
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1, client: new GrainCallOptions { MaxRequestBytes = 1000 });

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["short", new string('x', 2000)]));

        Assert.Contains("text 1 takes 2002 bytes", error.Message);
    }

    [Fact]
    public async Task Requests_are_cut_by_size_as_well_as_by_count()
    {
        var encoder = new HashSentenceEncoder();
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1, client: new GrainCallOptions { MaxRequestBytes = 1000, MaxItemsPerRequest = 100 });
        var texts = Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 300)).ToArray();

        var embeddings = await cluster.Client.GetEncoder("m").EncodeAsync(texts);

        Assert.Equal(4, encoder.Calls);
        Reference.AssertSame(Reference.Encode(encoder, texts), embeddings);
    }

    [Fact]
    public async Task Invalid_utf8_from_a_raw_caller_is_an_invalid_request_naming_the_text()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);
        byte[] request = [1, 1, 2, 1, (byte)'a', 2, 0xC3, 0x28];

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            cluster.ClientFabric.CallAsync(new WorkerKey("m", DeviceClass.Cpu), request, ReplyCodec.ReadMatrix, CallOptions.Default));

        Assert.Contains("text 1 is not valid UTF-8", error.Message);
    }

    [Fact]
    public async Task A_text_with_a_lone_surrogate_is_refused_before_sending()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["ok", "bad \uDC00"]));

        Assert.Contains("text 1", error.Message);
    }

    [Fact]
    public async Task Cross_encoder_scores_through_the_cluster_equal_in_process_scores()
    {
        var model = ClusterTestModel.CrossEncoder;
        await using var cluster = await _clusters.StartAsync(model);
        var pairs = TestCorpus.Pairs(41);

        var scores = await cluster.Client.GetCrossEncoder("m").PredictAsync(pairs);

        Reference.AssertClose(model.Predict(pairs), scores);
    }

    [Fact]
    public async Task Encoding_with_a_cross_encoder_is_refused_naming_the_model()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.CrossEncoder, silos: 1);

        var error = await Assert.ThrowsAsync<UnsupportedOperationException>(() => cluster.Client.GetEncoder("m").EncodeAsync(["x"]));

        Assert.Contains("model 'm' is a cross-encoder", error.Message);
    }

    [Fact]
    public async Task Work_in_flight_on_a_crashed_silo_is_finished_by_the_other()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var cluster = await _clusters.StartAsync(new SlowedEncoder(model.Encoder, TimeSpan.FromMilliseconds(20)));
        var texts = TestCorpus.Texts(600);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => cluster.Silos[0].Completed > 3);

        await cluster.KillSiloAsync(cluster.Silos[0]);

        Reference.AssertClose(model.Encode(texts), await call);
    }

    [Fact]
    public async Task A_graceful_stop_finishes_in_flight_work()
    {
        var model = ClusterTestModel.BiEncoder;
        var encoder = new SlowedEncoder(model.Encoder, TimeSpan.FromMilliseconds(100));
        await using var cluster = await _clusters.StartAsync(encoder, silos: 1);
        var texts = TestCorpus.Texts(16);
        var call = cluster.Client.GetEncoder("m").EncodeAsync(texts);
        await Poll.UntilAsync(() => cluster.Silos[0].Service.Load.InFlight == 2);

        await cluster.StopSiloAsync(cluster.Silos[0]);

        Reference.AssertClose(model.Encode(texts), await call);
    }

    [Fact]
    public async Task Cluster_status_lists_live_silos_with_roles_models_and_load()
    {
        // A double: the second silo is a gpu silo, which the real loader cannot start without a GPU.
        var encoder = new HashSentenceEncoder();
        await using var cluster = await _clusters.StartAsync(encoder, configure: (i, silo) => silo.Device = i == 0 ? "cpu" : "gpu");
        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(16));

        var status = await cluster.GetStatusAsync();

        Assert.Equal(2, status.Silos.Count);
        Assert.All(status.Silos, s => Assert.Equal(["m"], s.Models));
        Assert.Equal([["cpu", "encoder"], ["gpu", "encoder"]], status.Silos.Select(s => s.Roles.ToArray()).OrderBy(r => r[0]));
        Assert.All(status.Silos, s => Assert.Equal(Similarity.Silo.Membership.SiloStatus.Active, s.Status));
    }

    [Fact]
    public async Task A_silo_that_stops_gracefully_leaves_membership()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder);

        await cluster.StopSiloAsync(cluster.Silos[1]);

        Assert.Equal([cluster.Silos[0].SiloId], (await cluster.GetStatusAsync()).Silos.Select(s => s.SiloId));
    }
}
