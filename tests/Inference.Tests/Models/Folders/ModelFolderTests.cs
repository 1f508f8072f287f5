using Similarity.Inference.Models.Folders;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.Folders;

public class ModelFolderTests
{
    [Theory]
    [InlineData("bert-mean", ModelFolderKind.SentenceTransformer)]
    [InlineData("mpnet-like-normalize", ModelFolderKind.SentenceTransformer)]
    [InlineData("albert-cross-encoder", ModelFolderKind.CrossEncoder)]
    public void Detects_the_layout(string model, ModelFolderKind expected)
    {
        Assert.Equal(expected, ModelFolder.Detect(SharedFolder.Model(model)));
    }

    [Fact]
    public void Folder_without_marker_files_names_the_folder_and_the_missing_files()
    {
        using var folder = new ScratchFolder();

        var error = Assert.Throws<NotAModelFolderException>(() => ModelFolder.Detect(folder.Path));

        Assert.Equal(folder.Path, error.Path);
        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("modules.json", error.Message);
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void Missing_folder_says_it_does_not_exist()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-model-folder");

        var error = Assert.Throws<NotAModelFolderException>(() => ModelFolder.Detect(path));

        Assert.Contains($"'{path}' does not exist", error.Message);
    }

    [Theory]
    [InlineData("bert-mean", 0)]
    [InlineData("mpnet-like-normalize", 1)]
    [InlineData("multilingual-mean", 0)]
    [InlineData("albert-cross-encoder", 0)]
    public void Pad_id_comes_from_the_tokenizer_or_config(string model, long expected)
    {
        Assert.Equal(expected, ModelFolder.PadTokenId(SharedFolder.Model(model)));
        Assert.Equal(expected, ModelReference.Load(model).PadTokenId);
    }

    [Fact]
    public void Pad_id_falls_back_to_the_pad_token_in_the_vocabulary()
    {
        using var folder = new ScratchFolder();
        folder.Write("tokenizer.json", """{"padding": null, "added_tokens": [{"id": 7, "content": "<pad>"}], "model": {"vocab": {}}}""");
        folder.Write("tokenizer_config.json", """{"pad_token": {"content": "<pad>"}}""");
        folder.Write("config.json", """{"pad_token_id": 3}""");

        Assert.Equal(7, ModelFolder.PadTokenId(folder.Path));
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", "{\n\"id2label\": {\"0\": \"a\",}\n,,}");

        var error = Assert.Throws<ModelConfigException>(() => ModelFolder.Detect(folder.Path));

        Assert.Equal(folder.File("config.json"), error.Path);
        Assert.Contains("line 3", error.Message);
    }
}
