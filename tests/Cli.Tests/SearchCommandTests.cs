using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Json_lines_match_the_reference_search()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--top-k", "7");

        CliAssert.Succeeded(result);
        AssertMatchesReference(result.StandardOutput);
    }

    [Fact]
    public async Task Output_goes_to_the_named_file()
    {
        var output = _scratch.File("hits.jsonl");

        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "-k", "7", "--metric", "cosine", "--output", output);

        CliAssert.Succeeded(result);
        Assert.Empty(result.StandardOutput);
        AssertMatchesReference(File.ReadAllText(output));
    }

    [Fact]
    public async Task Query_and_corpus_dimensions_must_match()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("sts_a.npy"));

        CliAssert.OneLineError(result, "sts_a.npy has 24 dimensions");
    }

    [Fact]
    public async Task Top_k_must_be_positive()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--top-k", "0");

        CliAssert.OneLineError(result, "--top-k");
    }

    [Fact]
    public async Task An_unknown_metric_is_rejected()
    {
        var result = await Simctl.RunAsync("search", "--corpus", Metrics("corpus.npy"), "--queries", Metrics("queries.npy"), "--metric", "hamming");

        CliAssert.OneLineError(result, "hamming");
    }

    [Fact]
    public async Task A_missing_corpus_is_named()
    {
        var result = await Simctl.RunAsync("search", "--corpus", _scratch.File("none.npy"), "--queries", Metrics("queries.npy"));

        CliAssert.OneLineError(result, "none.npy");
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

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
