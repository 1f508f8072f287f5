using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class MineCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Json_lines_match_the_reference_mining()
    {
        var output = _scratch.File("pairs.jsonl");

        var result = await Simctl.RunAsync("mine", "--embeddings", Metrics("corpus.npy"), "--top-k", "5", "--max-pairs", "300", "--output", output);

        CliAssert.Succeeded(result);
        var lines = File.ReadAllLines(output);
        using var reference = JsonDocument.Parse(File.ReadAllText(Metrics("mining.json")));
        var expected = reference.RootElement.GetProperty("expected");
        Assert.Equal(expected.GetArrayLength(), lines.Length);
        for (var p = 0; p < lines.Length; p++)
        {
            using var line = JsonDocument.Parse(lines[p]);
            var pair = line.RootElement;
            Assert.Equal(
                (expected[p].GetProperty("i").GetInt32(), expected[p].GetProperty("j").GetInt32()),
                (pair.GetProperty("i").GetInt32(), pair.GetProperty("j").GetInt32()));
            var e = expected[p].GetProperty("score").GetDouble();
            Assert.True(Math.Abs(pair.GetProperty("score").GetDouble() - e) <= 1e-6 * Math.Abs(e), $"pair {p}");
        }
    }

    [Fact]
    public async Task Defaults_mine_every_row_top_pairs_to_stdout()
    {
        var result = await Simctl.RunAsync("mine", "--embeddings", Metrics("queries.npy"));

        CliAssert.Succeeded(result);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40 * 39 / 2, lines.Length);
        var scores = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Max_pairs_must_be_positive()
    {
        var result = await Simctl.RunAsync("mine", "--embeddings", Metrics("corpus.npy"), "--max-pairs", "0");

        CliAssert.OneLineError(result, "--max-pairs");
    }

    [Fact]
    public async Task Infinity_in_the_embeddings_is_rejected_naming_the_row()
    {
        var bad = _scratch.File("inf.npy");
        var matrix = new EmbeddingMatrix(6, 2);
        matrix.Row(4)[0] = float.PositiveInfinity;
        NpyFormat.Write(bad, matrix);

        var result = await Simctl.RunAsync("mine", "--embeddings", bad);

        CliAssert.OneLineError(result, "row 4");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var result = await Simctl.RunAsync("mine", "--embeddings", _scratch.File("gone.npy"));

        CliAssert.OneLineError(result, "gone.npy");
    }

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
