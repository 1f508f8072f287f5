using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simctl-cluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_lines_match_the_reference_communities()
    {
        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--threshold", "0.8", "--min-size", "10");

        Assert.Equal(0, result.ExitCode);
        AssertMatchesReference(result.StandardOutput);
    }

    [Fact]
    public async Task Output_goes_to_the_named_file()
    {
        var output = Path.Combine(_folder, "communities.jsonl");

        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--threshold", "0.8", "--min-size", "10", "--output", output);

        Assert.Equal(0, result.ExitCode);
        AssertMatchesReference(File.ReadAllText(output));
    }

    [Fact]
    public async Task Embeddings_are_required()
    {
        var result = await Simctl.RunAsync("cluster", "--threshold", "0.8");

        AssertOneLineError(result);
        Assert.Contains("--embeddings", result.StandardError);
    }

    [Fact]
    public async Task Minimum_size_must_be_positive()
    {
        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--min-size", "0");

        AssertOneLineError(result);
        Assert.Contains("--min-size", result.StandardError);
    }

    [Fact]
    public async Task NaN_in_the_embeddings_is_rejected_naming_the_row()
    {
        var bad = Path.Combine(_folder, "nan.npy");
        var matrix = new EmbeddingMatrix(12, 3);
        matrix.Row(11)[2] = float.NaN;
        NpyFormat.Write(bad, matrix);

        var result = await Simctl.RunAsync("cluster", "--embeddings", bad);

        AssertOneLineError(result);
        Assert.Contains("row 11", result.StandardError);
    }

    private static void AssertMatchesReference(string jsonLines)
    {
        var lines = jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var reference = JsonDocument.Parse(File.ReadAllText(Metrics("communities.json")));
        var expected = reference.RootElement.GetProperty("expected");
        Assert.Equal(expected.GetArrayLength(), lines.Length);
        for (var c = 0; c < lines.Length; c++)
        {
            using var line = JsonDocument.Parse(lines[c]);
            Assert.Equal(expected[c].GetProperty("centre").GetInt32(), line.RootElement.GetProperty("centre").GetInt32());
            Assert.Equal(
                expected[c].GetProperty("members").EnumerateArray().Select(m => m.GetInt32()),
                line.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetInt32()));
        }
    }

    private static void AssertOneLineError(SimctlResult result)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith("simctl: ", result.StandardError);
    }

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
