using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Similarity.Client;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Silo.Testing;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Sdk;

/// <summary>The SDK client, embedded (an in-process silo loading the real bert-mean and albert fixtures) or of a local cluster.</summary>
public class SimilarityClientTests
{
    private static readonly ClusterTestModel Model = ClusterTestModel.BiEncoder;

    private static Task<SimilarityClient> EmbeddedAsync() =>
        SimilarityClient.StartEmbeddedAsync(
            new SimilarityClientOptions { DefaultModel = "mini", EmbeddedModels = { ["mini"] = Model.Folder, ["cross"] = ClusterTestModel.CrossEncoder.Folder } },
            new Silo.Models.ModelFolderLoader());

    [Fact]
    public async Task An_embedded_client_encodes_like_the_model_in_process()
    {
        await using var client = await EmbeddedAsync();
        var texts = TestCorpus.Texts(150);

        var embeddings = await client.EncodeAsync(texts);

        Reference.AssertClose(Model.Encode(texts), embeddings);
    }

    [Fact]
    public async Task The_embedding_generator_returns_one_embedding_per_value_in_order_tagged_with_the_model_and_usage()
    {
        await using var client = await EmbeddedAsync();
        IEmbeddingGenerator<string, Embedding<float>> generator = client;
        var texts = TestCorpus.Texts(70);

        var generated = await generator.GenerateAsync(texts);

        var expected = Model.Encode(texts);
        Assert.Equal(texts.Length, generated.Count);
        Reference.AssertClose(expected, Similarity.Inference.Tensors.EmbeddingMatrix.FromRows(generated.Select(g => g.Vector.ToArray()).ToArray()));
        Assert.All(generated, g => Assert.Equal("mini", g.ModelId));
        var tokens = texts.Sum(t => Model.Reference.Tokenizer.Encode(t).Length);
        Assert.Equal((tokens, tokens), (generated.Usage!.InputTokenCount, generated.Usage.TotalTokenCount));
    }

    [Fact]
    public async Task Asking_for_fewer_dimensions_truncates_and_renormalises()
    {
        await using var client = await EmbeddedAsync();

        var generated = await client.GenerateAsync(["a text"], new EmbeddingGenerationOptions { Dimensions = 5 });

        var full = Model.Encode(["a text"]).Row(0)[..5].ToArray();
        var norm = MathF.Sqrt(full.Sum(v => v * v));
        Assert.Equal(full.Select(v => v / norm), generated[0].Vector.ToArray(), new FloatTolerance(Reference.Tolerance));
    }

    [Fact]
    public async Task Metadata_names_the_provider_default_model_and_known_dimension()
    {
        await using var client = await EmbeddedAsync();
        await client.EncodeAsync(["warm up"]);

        var metadata = client.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(("similarity", "mini", 32), (metadata!.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
    }

    [Fact]
    public async Task GetService_returns_the_client_itself_and_nothing_for_keyed_or_unknown_services()
    {
        await using var client = await EmbeddedAsync();

        Assert.Same(client, client.GetService<SimilarityClient>());
        Assert.Null(client.GetService<EmbeddingGeneratorMetadata>("some key"));
        Assert.Null(client.GetService(typeof(string)));
    }

    [Fact]
    public async Task Concurrent_generator_calls_each_get_their_own_results()
    {
        await using var client = await EmbeddedAsync();
        var inputs = Enumerable.Range(0, 16).Select(i => TestCorpus.Texts(20, $" thread {i}")).ToArray();

        var results = await Task.WhenAll(inputs.Select(texts => Task.Run(() => client.GenerateAsync(texts))));

        for (var i = 0; i < inputs.Length; i++)
        {
            Reference.AssertClose(Model.Encode(inputs[i]), Similarity.Inference.Tensors.EmbeddingMatrix.FromRows(results[i].Select(g => g.Vector.ToArray()).ToArray()));
        }
    }

    [Fact]
    public async Task The_service_collection_registers_the_client_as_the_embedding_generator()
    {
        var services = new ServiceCollection();
        services.AddSimilarityClient(options =>
        {
            options.DefaultModel = "mini";
            options.EmbeddedModels["mini"] = Model.Folder;
        });
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var vector = await generator.GenerateVectorAsync("hello");

        Assert.Same(provider.GetRequiredService<SimilarityClient>(), generator);
        Reference.AssertClose(Model.Encode(["hello"]), Similarity.Inference.Tensors.EmbeddingMatrix.FromRows([vector.ToArray()]));
    }

    [Fact]
    public async Task A_call_without_a_model_and_without_a_default_is_refused()
    {
        await using var client = await SimilarityClient.StartEmbeddedAsync(
            new SimilarityClientOptions { EmbeddedModels = { ["mini"] = Model.Folder } }, new Silo.Models.ModelFolderLoader());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.EncodeAsync(["x"]));

        Assert.Contains("DefaultModel", error.Message);
    }

    [Fact]
    public async Task Cross_encoder_predictions_go_through_the_client()
    {
        await using var client = await EmbeddedAsync();
        TextPair[] pairs = [new("a", "b"), new("A man is eating food.", "A man eats.")];

        var scores = await client.PredictAsync(pairs, "cross");

        Reference.AssertClose(ClusterTestModel.CrossEncoder.Predict(pairs), scores);
    }

    [Fact]
    public async Task A_served_model_can_be_used_through_the_inference_interfaces()
    {
        await using var client = await EmbeddedAsync();
        var texts = TestCorpus.Texts(10);

        var encoder = await client.GetSentenceEncoderAsync("mini");
        var classifier = await client.GetPairClassifierAsync("cross");

        Assert.Equal((32, 2), (encoder.Dimension, classifier.LabelCount));
        Reference.AssertClose(Model.Encode(texts), await encoder.EncodeAsync(texts));
    }

    [Fact]
    public async Task Asking_for_a_cross_encoder_as_a_sentence_encoder_is_refused_naming_it()
    {
        await using var client = await EmbeddedAsync();

        var error = await Assert.ThrowsAsync<UnsupportedOperationException>(() => client.GetSentenceEncoderAsync("cross"));

        Assert.Contains("model 'cross' is a cross-encoder", error.Message);
    }

    [Fact]
    public async Task Cluster_status_of_an_embedded_client_shows_its_one_silo()
    {
        await using var client = await EmbeddedAsync();

        var status = await client.GetClusterStatusAsync();

        Assert.Equal(["cross", "mini"], Assert.Single(status.Silos).Models);
    }

    [Fact]
    public async Task A_client_of_a_local_cluster_reaches_its_silos()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions
        {
            ModelLoader = Model.Loader,
            Models = { ["m"] = Model.Folder },
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
