using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Similarity.Client;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Models;
using Similarity.Silo.Testing;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Sdk;

public class SimilarityClientTests
{
    private static Task<SimilarityClient> EmbeddedAsync(HashSentenceEncoder encoder) =>
        SimilarityClient.StartEmbeddedAsync(
            new SimilarityClientOptions { DefaultModel = "mini", EmbeddedModels = { ["mini"] = TestModelLoader.Register(encoder) } },
            new TestModelLoader());

    [Fact]
    public async Task An_embedded_client_encodes_like_the_model_in_process()
    {
        var encoder = new HashSentenceEncoder(12);
        await using var client = await EmbeddedAsync(encoder);
        var texts = TestCorpus.Texts(150);

        var embeddings = await client.EncodeAsync(texts);

        Reference.AssertSame(Reference.Encode(encoder, texts), embeddings);
    }

    [Fact]
    public async Task The_embedding_generator_returns_one_embedding_per_value_in_order_tagged_with_the_model()
    {
        var encoder = new HashSentenceEncoder(12);
        await using var client = await EmbeddedAsync(encoder);
        IEmbeddingGenerator<string, Embedding<float>> generator = client;
        var texts = TestCorpus.Texts(70);

        var generated = await generator.GenerateAsync(texts);

        var expected = Reference.Encode(encoder, texts);
        Assert.Equal(texts.Length, generated.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected.Row(i).ToArray(), generated[i].Vector.ToArray());
            Assert.Equal("mini", generated[i].ModelId);
        }
    }

    [Fact]
    public async Task Asking_for_fewer_dimensions_truncates_and_renormalises()
    {
        var encoder = new HashSentenceEncoder(12);
        await using var client = await EmbeddedAsync(encoder);

        var generated = await client.GenerateAsync(["a text"], new EmbeddingGenerationOptions { Dimensions = 5 });

        var full = Reference.Encode(encoder, ["a text"]).Row(0)[..5].ToArray();
        var norm = MathF.Sqrt(full.Sum(v => v * v));
        Assert.Equal(full.Select(v => v / norm), generated[0].Vector.ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public async Task Metadata_names_the_provider_default_model_and_known_dimension()
    {
        await using var client = await EmbeddedAsync(new HashSentenceEncoder(12));
        await client.EncodeAsync(["warm up"]);

        var metadata = client.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(("similarity", "mini", 12), (metadata!.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
    }

    [Fact]
    public async Task GetService_returns_the_client_itself_and_nothing_for_keyed_or_unknown_services()
    {
        await using var client = await EmbeddedAsync(new HashSentenceEncoder());

        Assert.Same(client, client.GetService<SimilarityClient>());
        Assert.Null(client.GetService<EmbeddingGeneratorMetadata>("some key"));
        Assert.Null(client.GetService(typeof(string)));
    }

    [Fact]
    public async Task Concurrent_generator_calls_each_get_their_own_results()
    {
        var encoder = new HashSentenceEncoder();
        await using var client = await EmbeddedAsync(encoder);
        var inputs = Enumerable.Range(0, 16).Select(i => TestCorpus.Texts(20, $" thread {i}")).ToArray();

        var results = await Task.WhenAll(inputs.Select(texts => Task.Run(() => client.GenerateAsync(texts))));

        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = Reference.Encode(encoder, inputs[i]);
            Assert.Equal(expected.Row(19).ToArray(), results[i][19].Vector.ToArray());
        }
    }

    [Fact]
    public async Task The_service_collection_registers_the_client_as_the_embedding_generator()
    {
        var encoder = new HashSentenceEncoder();
        var services = new ServiceCollection();
        services.AddSingleton<IModelLoader>(new TestModelLoader());
        services.AddSimilarityClient(options =>
        {
            options.DefaultModel = "mini";
            options.EmbeddedModels["mini"] = TestModelLoader.Register(encoder);
        });
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var vector = await generator.GenerateVectorAsync("hello");

        Assert.Same(provider.GetRequiredService<SimilarityClient>(), generator);
        Assert.Equal(Reference.Encode(encoder, ["hello"]).Row(0).ToArray(), vector.ToArray());
    }

    [Fact]
    public async Task A_call_without_a_model_and_without_a_default_is_refused()
    {
        await using var client = await SimilarityClient.StartEmbeddedAsync(
            new SimilarityClientOptions { EmbeddedModels = { ["mini"] = TestModelLoader.Register(new HashSentenceEncoder()) } }, new TestModelLoader());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EncodeAsync(["x"]));

        Assert.Contains("DefaultModel", error.Message);
    }

    [Fact]
    public async Task Cross_encoder_predictions_go_through_the_client()
    {
        var classifier = new HashPairClassifier();
        await using var client = await SimilarityClient.StartEmbeddedAsync(
            new SimilarityClientOptions { EmbeddedModels = { ["cross"] = TestModelLoader.Register(classifier) } }, new TestModelLoader());
        Inference.Models.TextPair[] pairs = [new("a", "b"), new("c", "d")];

        var scores = await client.PredictAsync(pairs, "cross");

        Reference.AssertSame(await classifier.PredictAsync(pairs), scores);
    }

    [Fact]
    public async Task Cluster_status_of_an_embedded_client_shows_its_one_silo()
    {
        await using var client = await EmbeddedAsync(new HashSentenceEncoder());

        var status = await client.GetClusterStatusAsync();

        Assert.Equal(["mini"], Assert.Single(status.Silos).Models);
    }

    [Fact]
    public async Task A_client_of_a_local_cluster_reaches_its_silos()
    {
        var encoder = new HashSentenceEncoder();
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions
        {
            ModelLoader = new TestModelLoader(),
            Models = { ["m"] = TestModelLoader.Register(encoder) },
        });
        await using var client = SimilarityClient.ForCluster(cluster, new SimilarityClientOptions { DefaultModel = "m" });

        var error = await Assert.ThrowsAsync<ModelNotServedException>(() => client.EncodeAsync(["x"], "other"));

        Assert.Contains("'other'", error.Message);
        Assert.Equal(2, (await client.GetClusterStatusAsync()).Silos.Count);
    }

    [Fact]
    public void Options_with_a_non_amqp_broker_are_refused()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SimilarityClientOptions { Broker = new Uri("http://localhost:5672") });

        Assert.Throws<ArgumentException>(() => new SimilarityClient(options));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => MathF.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
