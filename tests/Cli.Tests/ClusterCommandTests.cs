using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Json_lines_match_the_reference_communities()
    {
        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--threshold", "0.8", "--min-size", "10");

        CliAssert.Succeeded(result);
        AssertMatchesReference(result.StandardOutput);
    }

    [Fact]
    public async Task Output_goes_to_the_named_file()
    {
        var output = _scratch.File("communities.jsonl");

        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--threshold", "0.8", "--min-size", "10", "--output", output);

        CliAssert.Succeeded(result);
        AssertMatchesReference(File.ReadAllText(output));
    }

    [Fact]
    public async Task Embeddings_are_required()
    {
        var result = await Simctl.RunAsync("cluster", "--threshold", "0.8");

        CliAssert.OneLineError(result, "give --embeddings FILE.npy, or --model and --input");
    }

    [Fact]
    public async Task Minimum_size_must_be_positive()
    {
        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--min-size", "0");

        CliAssert.OneLineError(result, "--min-size");
    }

    [Fact]
    public async Task NaN_in_the_embeddings_is_rejected_naming_the_row()
    {
        var bad = _scratch.File("nan.npy");
        var matrix = new EmbeddingMatrix(12, 3);
        matrix.Row(11)[2] = float.NaN;
        NpyFormat.Write(bad, matrix);

        var result = await Simctl.RunAsync("cluster", "--embeddings", bad);

        CliAssert.OneLineError(result, "row 11");
    }

    [Fact]
    public async Task Texts_with_a_model_are_encoded_then_grouped_as_their_embeddings_would_be()
    {
        var texts = Enumerable.Range(0, 90).Select(i => (i % 3) switch { 0 => "A man is playing a guitar.", 1 => "A woman is slicing an onion.", _ => $"Completely unrelated line {i}" });
        var input = _scratch.Write("texts.txt", string.Join('\n', texts) + "\n");
        var embeddings = _scratch.File("embeddings.npy");
        CliAssert.Succeeded(await Simctl.RunAsync("encode", "--model", SharedFolder.Model("bert-mean"), "--input", input, "--format", "npy", "--output", embeddings));

        var fromTexts = await Simctl.RunAsync("cluster", "--model", SharedFolder.Model("bert-mean"), "--input", input, "--threshold", "0.95", "--min-size", "5");
        var fromEmbeddings = await Simctl.RunAsync("cluster", "--embeddings", embeddings, "--threshold", "0.95", "--min-size", "5");

        CliAssert.Succeeded(fromTexts);
        CliAssert.Succeeded(fromEmbeddings);
        Assert.Equal(fromEmbeddings.StandardOutput, fromTexts.StandardOutput);
        var communities = fromTexts.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => JsonDocument.Parse(c).RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetInt32()).Order().ToArray());
        Assert.Contains(Enumerable.Range(0, 30).Select(i => (3 * i) + 1).ToArray(), communities);
    }

    [Fact]
    public async Task A_model_without_input_texts_is_refused()
    {
        var result = await Simctl.RunAsync("cluster", "--model", SharedFolder.Model("bert-mean"));

        CliAssert.OneLineError(result, "--model needs --input");
    }

    [Fact]
    public async Task Embeddings_and_a_model_together_are_refused()
    {
        var result = await Simctl.RunAsync("cluster", "--embeddings", Metrics("corpus.npy"), "--model", SharedFolder.Model("bert-mean"), "--input", "texts.txt");

        CliAssert.OneLineError(result, "not both");
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

    private static string Metrics(string name) => SharedFolder.Fixture("metrics", name);
}
