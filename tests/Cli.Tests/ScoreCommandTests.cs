using System.Text;
using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("simctl-score-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task All_vs_all_writes_a_queries_by_corpus_matrix_of_cosine_scores()
    {
        var output = Path.Combine(_folder, "scores.npy");

        var result = await Simctl.RunAsync("score", "--a", Metrics("queries.npy"), "--b", Metrics("corpus.npy"), "--output", output);

        Assert.Equal(0, result.ExitCode);
        var scores = NpyFormat.Read(output);
        Assert.Equal((40, 980), (scores.Rows, scores.Columns));
        using var search = JsonDocument.Parse(File.ReadAllText(Metrics("search.json")));
        foreach (var query in search.RootElement.GetProperty("expected").EnumerateArray())
        {
            foreach (var hit in query.GetProperty("hits").EnumerateArray())
            {
                var expected = hit.GetProperty("score").GetDouble();
                Assert.Equal(expected, scores[query.GetProperty("query").GetInt32(), hit.GetProperty("id").GetInt32()], 5e-6);
            }
        }
    }

    [Theory]
    [InlineData("cosine")]
    [InlineData("dot")]
    [InlineData("manhattan")]
    [InlineData("euclidean")]
    public async Task Pairwise_writes_a_one_dimensional_array_of_row_scores(string metric)
    {
        var output = Path.Combine(_folder, metric + ".npy");

        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("sts_b.npy"), "--metric", metric, "--pairwise", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("'shape': (800,)", Encoding.ASCII.GetString(File.ReadAllBytes(output), 0, 128));
        var scores = NpyFormat.Read(output);
        using var sts = JsonDocument.Parse(File.ReadAllText(Metrics("sts.json")));
        var expected = sts.RootElement.GetProperty("scores").GetProperty(metric);
        for (var i = 0; i < scores.Rows; i++)
        {
            var reference = expected[i].GetDouble();
            Assert.True(Math.Abs(scores[i, 0] - reference) <= 1e-6 * Math.Max(Math.Abs(reference), 1e-6), $"row {i}: {reference} vs {scores[i, 0]}");
        }
    }

    [Fact]
    public async Task Without_output_the_npy_goes_to_stdout()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("sts_b.npy"), "--pairwise", "--metric", "dot");

        Assert.Equal(0, result.ExitCode);
        var scores = NpyFormat.Read(new MemoryStream(result.StandardOutputBytes));
        Assert.Equal(800, scores.Rows);
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error_naming_it()
    {
        var missing = Path.Combine(_folder, "absent.npy");

        var result = await Simctl.RunAsync("score", "--a", missing, "--b", Metrics("corpus.npy"));

        AssertOneLineError(result);
        Assert.Contains(missing, result.StandardError);
    }

    [Fact]
    public async Task Pairwise_rows_must_match()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("pairs_a.npy"), "--pairwise");

        AssertOneLineError(result);
        Assert.Contains("800", result.StandardError);
        Assert.Contains("1200", result.StandardError);
    }

    [Fact]
    public async Task Dimensions_must_match()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("corpus.npy"));

        AssertOneLineError(result);
        Assert.Contains("24 dimensions", result.StandardError);
        Assert.Contains("32", result.StandardError);
    }

    [Fact]
    public async Task An_unknown_metric_is_named_with_the_valid_ones()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("sts_b.npy"), "--metric", "jaccard");

        AssertOneLineError(result);
        Assert.Contains("jaccard", result.StandardError);
        Assert.Contains("euclidean", result.StandardError);
    }

    [Fact]
    public async Task NaN_in_an_input_is_rejected_naming_file_and_row()
    {
        var bad = Path.Combine(_folder, "bad.npy");
        var matrix = new EmbeddingMatrix(3, 4);
        matrix.Row(2)[1] = float.NaN;
        NpyFormat.Write(bad, matrix);

        var result = await Simctl.RunAsync("score", "--a", bad, "--b", bad);

        AssertOneLineError(result);
        Assert.Contains("bad.npy", result.StandardError);
        Assert.Contains("row 2", result.StandardError);
    }

    private static void AssertOneLineError(SimctlResult result)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith("simctl: ", result.StandardError);
    }

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
