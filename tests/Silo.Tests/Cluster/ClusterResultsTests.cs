using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Grains.Serving;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// Real fixture models through a two-silo cluster give what they give in process (bert-mean as "mini", the ALBERT
/// cross-encoder as "cross"), whatever the request size, and concurrent callers share the model's batches.
/// </summary>
public sealed class ClusterResultsTests : IAsyncLifetime
{
    private static readonly ClusterTestModel Mini = ClusterTestModel.BiEncoder;
    private static readonly ClusterTestModel Cross = ClusterTestModel.CrossEncoder;
    private ModelCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var models = new Dictionary<string, string> { ["mini"] = Mini.Folder, ["cross"] = Cross.Folder };
        _cluster = await ModelCluster.StartAsync([new SiloSpec(DeviceClass.Cpu, models), new SiloSpec(DeviceClass.Cpu, models)]);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(333)]
    public async Task Embeddings_through_the_cluster_equal_the_model_in_process(int count)
    {
        await using var client = _cluster.Sdk();
        var texts = TestCorpus.Texts(count);

        var embeddings = await client.EncodeAsync(texts, "mini");

        Reference.AssertClose(Mini.Encode(texts), embeddings.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task Cross_encoder_scores_through_the_cluster_equal_the_model_in_process()
    {
        await using var client = _cluster.Sdk();
        var pairs = TestCorpus.Pairs(50);

        var scores = await client.PredictAsync(pairs.Select(p => new SentencePair(p.First, p.Second)).ToArray(), "cross");

        Reference.AssertClose(Cross.Predict(pairs), scores.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task An_empty_call_answers_with_the_model_width()
    {
        await using var client = _cluster.Sdk();

        var none = await client.EncodeAsync([], "mini");

        Assert.Equal((0, 32), (none.Rows, none.Columns));
    }

    [Fact]
    public async Task Encoding_with_a_cross_encoder_is_an_unsupported_operation_naming_it()
    {
        await using var client = _cluster.Sdk();

        var error = await Assert.ThrowsAsync<UnsupportedOperationException>(() => client.EncodeAsync(["a"], "cross"));

        Assert.Equal("model 'cross' is a cross-encoder: it scores text pairs and does not encode texts", error.Message);
    }

    [Fact]
    public async Task A_grain_refuses_more_texts_than_one_request_may_hold()
    {
        var grain = _cluster.Client.GetGrain<IEncoderGrain>(new ModelKey("mini", DeviceClass.Cpu).ToString());

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => grain.EncodeAsync(TestCorpus.Texts(2049)));

        Assert.Equal(("input", "request to model 'mini' has 2049 texts; at most 2048 are allowed per request"), (error.Parameter, error.Message));
    }

    [Fact]
    public async Task Concurrent_callers_requests_share_the_silo_batches()
    {
        await using var client = _cluster.Sdk();
        var before = BatcherTotals();

        await Task.WhenAll(TestCorpus.Texts(96).Select(text => client.EncodeAsync([text], "mini")));

        var (requests, batches) = BatcherTotals();
        Assert.Equal(96, requests - before.Requests);
        Assert.True(batches - before.Batches < 96 / 2, $"{batches - before.Batches} batches for 96 single-text requests");
    }

    private (long Requests, long Batches) BatcherTotals()
    {
        long requests = 0, batches = 0;
        foreach (var silo in _cluster.Silos)
        {
            var statistics = _cluster.Service<ServedModels>(silo).Get("mini").Statistics!.Value;
            requests += statistics.Requests;
            batches += statistics.Batches;
        }

        return (requests, batches);
    }
}
