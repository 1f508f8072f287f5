using System.Text;
using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task All_vs_all_writes_a_queries_by_corpus_matrix_of_cosine_scores()
    {
        var output = _scratch.File("scores.npy");

        var result = await Simctl.RunAsync("score", "--a", Metrics("queries.npy"), "--b", Metrics("corpus.npy"), "--output", output);

        CliAssert.Succeeded(result);
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
        var output = _scratch.File(metric + ".npy");

        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("sts_b.npy"), "--metric", metric, "--pairwise", "--output", output);

        CliAssert.Succeeded(result);
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

        CliAssert.Succeeded(result);
        var scores = NpyFormat.Read(new MemoryStream(result.StandardOutputBytes));
        Assert.Equal(800, scores.Rows);
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error_naming_it()
    {
        var missing = _scratch.File("absent.npy");

        var result = await Simctl.RunAsync("score", "--a", missing, "--b", Metrics("corpus.npy"));

        CliAssert.OneLineError(result, missing);
    }

    [Fact]
    public async Task Pairwise_rows_must_match()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("pairs_a.npy"), "--pairwise");

        CliAssert.OneLineError(result, "800", "1200");
    }

    [Fact]
    public async Task Dimensions_must_match()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("corpus.npy"));

        CliAssert.OneLineError(result, "24 dimensions", "32");
    }

    [Fact]
    public async Task An_unknown_metric_is_named_with_the_valid_ones()
    {
        var result = await Simctl.RunAsync("score", "--a", Metrics("sts_a.npy"), "--b", Metrics("sts_b.npy"), "--metric", "jaccard");

        CliAssert.OneLineError(result, "jaccard", "euclidean");
    }

    [Fact]
    public async Task NaN_in_an_input_is_rejected_naming_file_and_row()
    {
        var bad = _scratch.File("bad.npy");
        var matrix = new EmbeddingMatrix(3, 4);
        matrix.Row(2)[1] = float.NaN;
        NpyFormat.Write(bad, matrix);

        var result = await Simctl.RunAsync("score", "--a", bad, "--b", bad);

        CliAssert.OneLineError(result, "bad.npy", "row 2");
    }

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
