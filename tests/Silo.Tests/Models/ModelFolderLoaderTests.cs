using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.OnnxRuntime;
using Similarity.Silo.Models;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Models;

/// <summary>The silo's real model loader: fixture folders in, batched bi-encoders and cross-encoders out.</summary>
public class ModelFolderLoaderTests
{
    private readonly ModelFolderLoader _loader = new();

    [Fact]
    public async Task A_sentence_transformers_folder_serves_as_an_encoder_equal_to_the_model_in_process()
    {
        await using var model = await _loader.LoadAsync(new ModelBinding("bert", SharedFolder.Model("bert-mean")), ModelLoadSettings.Default);
        var texts = TestCorpus.Texts(25);

        var embeddings = await model.Encoder!.EncodeAsync(texts);

        Assert.Null(model.Classifier);
        Reference.AssertClose(ClusterTestModel.BiEncoder.Encode(texts), embeddings);
    }

    [Fact]
    public async Task A_cross_encoder_folder_serves_as_a_pair_classifier()
    {
        await using var model = await _loader.LoadAsync(new ModelBinding("cross", SharedFolder.Model("albert-cross-encoder")), ModelLoadSettings.Default);
        TextPair[] pairs = [new("A man is eating food.", "A man eats something."), new("", "empty first")];

        var scores = await model.Classifier!.PredictAsync(pairs);

        Assert.Null(model.Encoder);
        Reference.AssertClose(ClusterTestModel.CrossEncoder.Predict(pairs), scores);
    }

    [Fact]
    public async Task The_batcher_runs_with_the_silo_settings_and_reports_what_it_did()
    {
        var settings = ModelLoadSettings.Default with { Batching = new BatchingOptions { MaxBatchSize = 4, BatchTokens = 4096 } };
        await using var model = await _loader.LoadAsync(new ModelBinding("bert", SharedFolder.Model("bert-mean")), settings);

        var embeddings = await model.Encoder!.EncodeAsync(TestCorpus.Texts(20));

        var statistics = model.Statistics!.Value;
        Assert.Equal((1L, 20L), (statistics.Requests, statistics.Texts));
        Assert.True(statistics.Batches >= 5, $"{statistics.Batches} batches for 20 texts at most 4 per batch");
        Assert.Equal(embeddings.TokenCount, statistics.Tokens);
        Assert.True(statistics.InferenceTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_missing_folder_is_refused_naming_the_model_and_folder()
    {
        var error = await Assert.ThrowsAsync<ModelLoadException>(() => _loader.LoadAsync(new ModelBinding("gone", "/no/such/folder"), ModelLoadSettings.Default));

        Assert.StartsWith("model 'gone' (/no/such/folder) on cpu: ", error.Message);
        Assert.Contains("'/no/such/folder' does not exist", error.Message);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_model_is_refused_saying_what_a_model_folder_has()
    {
        var folder = SharedFolder.Fixture("tokenizers", "albert-base-v2");

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => _loader.LoadAsync(new ModelBinding("tok", folder), ModelLoadSettings.Default));

        Assert.Contains("modules.json", error.Message);
    }

    [Fact]
    public async Task A_gpu_silo_needs_the_cuda_provider_and_says_what_is_missing()
    {
        var settings = new ModelLoadSettings(DeviceClass.Gpu, new BatchingOptions());
        if (OnnxRuntimePackage.Flavour == "gpu" && File.Exists("/dev/nvidiactl"))
        {
            await using var gpu = await _loader.LoadAsync(new ModelBinding("bert", SharedFolder.Model("bert-mean")), settings);
            Assert.NotNull(gpu.Encoder);
            return;
        }

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => _loader.LoadAsync(new ModelBinding("bert", SharedFolder.Model("bert-mean")), settings));

        Assert.StartsWith("model 'bert' (", error.Message);
        Assert.Contains(") on gpu: ", error.Message);
        Assert.Contains("CUDA execution provider", error.Message);
        Assert.Contains(OnnxRuntimePackage.Flavour == "gpu" ? ".so" : "-p:OnnxRuntimeFlavour=gpu", error.Message);
    }
}
