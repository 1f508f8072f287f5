using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simctl-search-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_lines_match_the_reference_search()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--top-k", "7");

        Assert.Equal(0, result.ExitCode);
        AssertMatchesReference(result.StandardOutput);
    }

    [Fact]
    public async Task Output_goes_to_the_named_file()
    {
        var output = Path.Combine(_folder, "hits.jsonl");

        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "-k", "7", "--metric", "cosine", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        AssertMatchesReference(File.ReadAllText(output));
    }

    [Fact]
    public async Task Query_and_corpus_dimensions_must_match()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("sts_a.npy"));

        AssertOneLineError(result);
        Assert.Contains("sts_a.npy has 24 dimensions", result.StandardError);
    }

    [Fact]
    public async Task Top_k_must_be_positive()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--top-k", "0");

        AssertOneLineError(result);
        Assert.Contains("--top-k", result.StandardError);
    }

    [Fact]
    public async Task An_unknown_metric_is_rejected()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--metric", "hamming");

        AssertOneLineError(result);
        Assert.Contains("hamming", result.StandardError);
    }

    [Fact]
    public async Task A_missing_corpus_is_named()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Path.Combine(_folder, "none.npy"), "--queries", Metrics("queries.npy"));

        AssertOneLineError(result);
        Assert.Contains("none.npy", result.StandardError);
    }

    private static void AssertMatchesReference(string jsonLines)
    {
        var lines = jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var reference = JsonDocument.Parse(File.ReadAllText(Metrics("search.json")));
        var expected = reference.RootElement.GetProperty("expected");
        Assert.Equal(expected.GetArrayLength(), lines.Length);
        for (var q = 0; q < lines.Length; q++)
        {
            using var line = JsonDocument.Parse(lines[q]);
            Assert.Equal(q, line.RootElement.GetProperty("query").GetInt32());
            var hits = line.RootElement.GetProperty("hits");
            var expectedHits = expected[q].GetProperty("hits");
            Assert.Equal(
                expectedHits.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()),
                hits.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
            for (var i = 0; i < hits.GetArrayLength(); i++)
            {
                var e = expectedHits[i].GetProperty("score").GetDouble();
                Assert.True(Math.Abs(hits[i].GetProperty("score").GetDouble() - e) <= 1e-6 * Math.Abs(e), $"query {q} hit {i}");
            }
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
