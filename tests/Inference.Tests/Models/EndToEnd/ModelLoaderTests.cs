using Similarity.TestSupport;
using Similarity.Inference.Batching;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Models.EndToEnd;

public class ModelLoaderTests
{
    [Theory]
    [InlineData("bert-dense-tanh", ModelFolderKind.SentenceTransformer, 16)]
    [InlineData("albert-cross-encoder", ModelFolderKind.CrossEncoder, 2)]
    public void The_folder_decides_between_bi_encoder_and_cross_encoder(string model, ModelFolderKind kind, int width)
    {
        using var loaded = ModelLoader.Open(ModelReference.Load(model).Folder);

        Assert.Equal(kind, loaded.Kind);
        Assert.Equal(model, loaded.Name);
        Assert.Equal(width, loaded.Pipeline.OutputWidth);
        Assert.Equal(loaded.Pipeline.MaxSequenceLength, loaded.Tokenizer.MaxLength);
    }

    [Fact]
    public void Asking_a_cross_encoder_for_its_sentence_encoder_names_the_folder_and_both_kinds()
    {
        var folder = ModelReference.Load("albert-cross-encoder").Folder;
        using var loaded = ModelLoader.Open(folder);

        var error = Assert.Throws<ModelKindException>(() => loaded.Encoder);

        Assert.Contains(folder, error.Message);
        Assert.Contains("cross-encoder", error.Message);
        Assert.Contains("bi-encoder", error.Message);
    }

    [Fact]
    public void Expecting_the_other_kind_fails_before_loading()
    {
        var error = Assert.Throws<ModelKindException>(() => ModelLoader.Open(ModelReference.Load("bert-mean").Folder, expected: ModelFolderKind.CrossEncoder));

        Assert.Equal(ModelFolderKind.SentenceTransformer, error.Actual);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_not_a_model_folder()
    {
        var error = Assert.Throws<NotAModelFolderException>(() => ModelLoader.Open("/no/such/model"));

        Assert.Contains("/no/such/model", error.Message);
    }

    [Fact]
    public void A_folder_without_model_files_is_not_a_model_folder()
    {
        using var folder = new ScratchFolder();

        var error = Assert.Throws<NotAModelFolderException>(() => ModelLoader.Open(folder.Path));

        Assert.Contains("neither modules.json", error.Message);
    }

    [Fact]
    public void A_missing_tokenizer_json_is_named()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        File.Delete(folder.File("tokenizer.json"));

        var error = Assert.Throws<ModelFileNotFoundException>(() => ModelLoader.Open(folder.Path));

        Assert.Equal(folder.File("tokenizer.json"), error.Path);
        Assert.Contains("tokenizer.json", error.Message);
    }

    [Fact]
    public void An_unsupported_tokenizer_component_is_named_with_its_file_and_type()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        var json = File.ReadAllText(folder.File("tokenizer.json")).Replace("\"model\":{\"type\":\"WordPiece\"", "\"model\":{\"type\":\"BPE\"", StringComparison.Ordinal);
        folder.Write("tokenizer.json", json);

        var error = Assert.Throws<TokenizerFormatException>(() => ModelLoader.Open(folder.Path));

        Assert.Equal("BPE", error.ComponentType);
        Assert.Contains(folder.File("tokenizer.json"), error.Message);
    }

    [Fact]
    public void Invalid_batching_options_fail_before_the_folder_is_read()
    {
        Assert.Throws<ArgumentException>(() => ModelLoader.Open("/no/such/model", new BatchingOptions { BatchTokens = 0 }));
    }

    [Fact]
    public async Task Disposing_the_model_stops_its_batcher_and_releases_its_pipeline()
    {
        var reference = ModelReference.Load("bert-mean");
        var loaded = ModelLoader.Open(reference.Folder);
        loaded.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => loaded.Encoder.EncodeAsync(["too late"]));
        var batch = ReferenceTokens.Batch(reference);
        Assert.Throws<ObjectDisposedException>(() => loaded.Pipeline.Run(batch, new float[batch.Size * loaded.Pipeline.OutputWidth]));
    }
}
