using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>Where encoder grains run: only on silos serving their model on their device class, and nowhere else.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task Requests_for_a_model_run_only_on_the_silos_serving_it()
    {
        var onA = new HashSentenceEncoder();
        var onB = new HashSentenceEncoder();
        await using var cluster = await ModelCluster.StartAsync(
            [SiloSpec.Cpu("a", TestModelLoader.Register(onA)), SiloSpec.Cpu("b", TestModelLoader.Register(onB))]);
        await using var client = cluster.Sdk();
        var texts = TestCorpus.Texts(200);

        var fromA = await client.EncodeAsync(texts, "a");
        await client.EncodeAsync(texts.Take(30).ToArray(), "b");

        Assert.Equal((200L, 30L), (onA.Texts, onB.Texts));
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), fromA.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task A_device_class_is_served_only_by_silos_of_that_class()
    {
        var cpu = new HashSentenceEncoder();
        var gpu = new HashSentenceEncoder();
        await using var cluster = await ModelCluster.StartAsync(
            [SiloSpec.Cpu("m", TestModelLoader.Register(cpu)), SiloSpec.Gpu("m", TestModelLoader.Register(gpu))]);
        await using var gpuClient = cluster.Sdk(new() { Device = DeviceClass.Gpu, MaxTextsPerRequest = 8 });
        await using var cpuClient = cluster.Sdk(new() { Device = DeviceClass.Cpu, MaxTextsPerRequest = 8 });

        await gpuClient.EncodeAsync(TestCorpus.Texts(100), "m");
        await cpuClient.EncodeAsync(TestCorpus.Texts(10), "m");

        Assert.Equal((10L, 100L), (cpu.Texts, gpu.Texts));
    }

    [Fact]
    public async Task A_large_call_is_spread_over_every_silo_serving_the_model()
    {
        var first = new HashSentenceEncoder();
        var second = new HashSentenceEncoder();
        await using var cluster = await ModelCluster.StartAsync(
            [SiloSpec.Cpu("m", TestModelLoader.Register(first)), SiloSpec.Cpu("m", TestModelLoader.Register(second))]);
        await using var client = cluster.Sdk();
        var texts = TestCorpus.Texts(1000);

        var embeddings = await client.EncodeAsync(texts, "m");

        Assert.Equal(1000, first.Texts + second.Texts);
        Assert.True(first.Texts >= 250 && second.Texts >= 250, $"uneven spread: {first.Texts} and {second.Texts} texts");
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), embeddings.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task A_model_no_silo_serves_fails_at_once_naming_it()
    {
        await using var cluster = await ModelCluster.StartAsync([SiloSpec.Cpu("m", TestModelLoader.Register(new HashSentenceEncoder()))]);
        await using var client = cluster.Sdk();

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => client.EncodeAsync(["text"], "nope"));

        Assert.Equal(("no live silo serves the model 'nope'", "model"), (error.Message, error.Parameter));
    }

    [Fact]
    public async Task A_device_class_no_silo_serves_fails_at_once_saying_other_silos_have_the_model()
    {
        await using var cluster = await ModelCluster.StartAsync([SiloSpec.Cpu("m", TestModelLoader.Register(new HashSentenceEncoder()))]);
        await using var client = cluster.Sdk(new() { Device = DeviceClass.Gpu });

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => client.EncodeAsync(["text"], "m"));

        Assert.Equal("no live gpu silo serves the model 'm' (silos of another device class do)", error.Message);
    }
}
