using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Tests.OnnxRuntime;

public class OnnxRuntimeLibraryTests
{
    [Fact]
    public void Loaded_library_reports_release_1_30()
    {
        Assert.StartsWith("1.30", OnnxEnvironment.Instance.RuntimeVersion);
        Assert.Contains("CPUExecutionProvider", OnnxEnvironment.Instance.AvailableProviders());
    }

    [Fact]
    public void Environment_is_one_per_process_even_when_first_touched_concurrently()
    {
        var seen = new OnnxEnvironment[8];
        Parallel.For(0, seen.Length, i => seen[i] = OnnxEnvironment.Instance);

        Assert.All(seen, environment => Assert.Same(seen[0], environment));
    }

    [Fact]
    public void Variable_overrides_the_cache_location()
    {
        var environment = Variables(("SIMILARITY_ORT_LIBRARY", "/opt/ort-gpu/libonnxruntime.so.1"), ("HOME", "/home/x"));

        var (path, fromVariable) = OnnxRuntimeLibrary.ResolvePath(environment);

        Assert.Equal("/opt/ort-gpu/libonnxruntime.so.1", path);
        Assert.True(fromVariable);
    }

    [Theory]
    [InlineData("/c", "/x", "/c/onnxruntime/1.30.0/libonnxruntime.so.1")]
    [InlineData("", "/x", "/x/similarity/onnxruntime/1.30.0/libonnxruntime.so.1")]
    [InlineData("", "", "/home/u/.cache/similarity/onnxruntime/1.30.0/libonnxruntime.so.1")]
    public void Default_location_follows_the_setup_script(string similarityCache, string xdgCache, string expected)
    {
        var environment = Variables(("SIMILARITY_CACHE", similarityCache), ("XDG_CACHE_HOME", xdgCache), ("HOME", "/home/u"));

        Assert.Equal(expected, OnnxRuntimeLibrary.DefaultPath(environment));
        Assert.False(OnnxRuntimeLibrary.ResolvePath(environment).FromVariable);
    }

    [Fact]
    public void Missing_library_names_where_it_looked_and_how_to_install()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "libonnxruntime.so.1");

        var error = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntimeLibrary.Load(path, fromVariable: false));

        Assert.Equal(path, error.LibraryPath);
        Assert.Contains(path, error.Message);
        Assert.Contains("scripts/setup.sh", error.Message);
        Assert.Contains("SIMILARITY_ORT_LIBRARY", error.Message);
    }

    [Fact]
    public void Variable_pointing_nowhere_says_so()
    {
        var error = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntimeLibrary.Load("/nowhere/libonnxruntime.so.1", fromVariable: true));

        Assert.Contains("SIMILARITY_ORT_LIBRARY points to '/nowhere/libonnxruntime.so.1'", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_reported_as_unloadable()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not an ELF file");

            var error = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntimeLibrary.Load(path, fromVariable: true));

            Assert.Contains("loading it failed", error.Message);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
