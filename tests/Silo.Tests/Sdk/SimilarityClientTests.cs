using Microsoft.Extensions.AI;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Sdk;

/// <summary>The SDK client over a two-silo cluster of real fixture models: its calls, and Microsoft.Extensions.AI's generator.</summary>
public sealed class SimilarityClientTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    private static readonly ClusterTestModel Model = ClusterTestModel.BiEncoder;

    private SimilarityClient Client(string? defaultModel = "mini") =>
        fixture.Cluster.Sdk(new SimilarityClientOptions { DefaultModel = defaultModel, MaxTextsPerRequest = 16 });

    [Fact]
    public async Task The_embedding_generator_returns_one_embedding_per_value_in_order_tagged_with_the_model_and_usage()
    {
        await using var client = Client();
        IEmbeddingGenerator<string, Embedding<float>> generator = client;
        var texts = TestCorpus.Texts(70);

        var generated = await generator.GenerateAsync(texts);

        Assert.Equal(texts.Length, generated.Count);
        Reference.AssertClose(Model.Encode(texts), EmbeddingMatrix.FromRows(generated.Select(g => g.Vector.ToArray()).ToArray()));
        Assert.All(generated, g => Assert.Equal("mini", g.ModelId));
        var tokens = texts.Sum(t => Model.Reference.Tokenizer.Encode(t).Length);
        Assert.Equal((tokens, tokens), (generated.Usage!.InputTokenCount, generated.Usage.TotalTokenCount));
    }

    [Fact]
    public async Task Asking_for_fewer_dimensions_truncates_and_renormalises()
    {
        await using var client = Client();

        var generated = await client.GenerateAsync(["a text"], new EmbeddingGenerationOptions { Dimensions = 5 });

        var full = Model.Encode(["a text"]).Row(0)[..5].ToArray();
        var norm = MathF.Sqrt(full.Sum(v => v * v));
        var vector = generated[0].Vector.ToArray();
        Assert.Equal(5, vector.Length);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(full[i] / norm, vector[i], Reference.Tolerance);
        }
    }

    [Fact]
    public async Task Metadata_names_the_provider_default_model_and_known_dimension()
    {
        await using var client = Client();
        await client.EncodeAsync(["warm up"]);

        var metadata = client.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(("similarity", "mini", 32), (metadata!.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
    }

    [Fact]
    public async Task GetService_returns_the_client_itself_and_nothing_for_keyed_or_unknown_services()
    {
        await using var client = Client();

        Assert.Same(client, client.GetService<SimilarityClient>());
        Assert.Null(client.GetService<EmbeddingGeneratorMetadata>("some key"));
        Assert.Null(client.GetService(typeof(string)));
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_results()
    {
        await using var client = Client();
        var inputs = Enumerable.Range(0, 16).Select(i => TestCorpus.Texts(20, $" thread {i}")).ToArray();

        var results = await Task.WhenAll(inputs.Select(texts => Task.Run(() => client.EncodeAsync(texts))));

        for (var i = 0; i < inputs.Length; i++)
        {
            Reference.AssertClose(Model.Encode(inputs[i]), results[i].ToEmbeddingMatrix());
        }
    }

    [Fact]
    public async Task A_call_without_a_model_and_without_a_default_is_refused()
    {
        await using var client = Client(defaultModel: null);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EncodeAsync(["x"]));

        Assert.Contains("DefaultModel", error.Message);
    }

    [Fact]
    public async Task Cross_encoder_predictions_go_through_the_client()
    {
        await using var client = Client();
        Inference.Models.TextPair[] pairs = [new("a", "b"), new("A man is eating food.", "A man eats.")];

        var scores = await client.PredictAsync(pairs.Select(p => new SentencePair(p.First, p.Second)).ToArray(), "cross");

        Reference.AssertClose(ClusterTestModel.CrossEncoder.Predict(pairs), scores.ToEmbeddingMatrix());
    }

    [Fact]
    public async Task The_client_lists_the_silos_with_their_device_and_models()
    {
        await using var client = Client();

        var silos = await client.ListSilosAsync();

        Assert.Equal(2, silos.Length);
        Assert.All(silos, silo =>
        {
            Assert.Equal(("active", DeviceClass.Cpu), (silo.Status, silo.Device));
            Assert.Equal(["cross", "mini"], silo.Models);
        });
    }

    [Fact]
    public void Options_with_nonsense_limits_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Cluster.Sdk(new SimilarityClientOptions { MaxTextsPerRequest = 0 }));

        Assert.Equal("MaxTextsPerRequest", error.ParamName);
    }
}
