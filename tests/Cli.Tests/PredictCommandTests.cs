using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class PredictCommandTests
{
    [Fact]
    public async Task Each_tsv_pair_becomes_a_json_line_with_the_pytorch_probabilities()
    {
        var fixture = ModelReference.Load("albert-cross-encoder");

        var result = await Simctl.RunWithInputAsync(Tsv(fixture.Pairs), "predict", "--model", fixture.Folder);

        CliAssert.Succeeded(result);
        ReferenceRows.AssertRowsClose(fixture.Rows("softmax"), EncodeCommandTests.JsonRows(result.StandardOutput, "scores"));
    }

    [Fact]
    public async Task Input_and_output_can_be_files_and_batching_options_apply()
    {
        using var scratch = new ScratchFolder();
        var fixture = ModelReference.Load("albert-cross-encoder");
        var input = scratch.Write("pairs.tsv", Tsv(fixture.Pairs));
        var output = scratch.File("scores.jsonl");

        var result = await Simctl.RunAsync("predict", "--model", fixture.Folder, "--input", input, "--output", output, "--batch-tokens", "64", "--max-batch", "2");

        CliAssert.Succeeded(result);
        Assert.Empty(result.StandardOutput);
        ReferenceRows.AssertRowsClose(fixture.Rows("softmax"), EncodeCommandTests.JsonRows(File.ReadAllText(output), "scores"));
    }

    [Fact]
    public async Task A_line_without_a_tab_is_reported_at_its_line()
    {
        var result = await Simctl.RunWithInputAsync("a\tb\nno tab here\nc\td\n", "predict", "--model", SharedFolder.Model("albert-cross-encoder"));

        CliAssert.OneLineError(result, "stdin line 2: no tab; each line must be text1<TAB>text2");
    }

    [Fact]
    public async Task An_empty_line_has_no_tab_either()
    {
        var result = await Simctl.RunWithInputAsync("a\tb\n\n", "predict", "--model", SharedFolder.Model("albert-cross-encoder"));

        CliAssert.OneLineError(result, "stdin line 2: no tab");
    }

    [Fact]
    public async Task A_line_with_two_tabs_is_reported_at_its_line()
    {
        var result = await Simctl.RunWithInputAsync("a\tb\tc\n", "predict", "--model", SharedFolder.Model("albert-cross-encoder"));

        CliAssert.OneLineError(result, "stdin line 1: more than one tab");
    }

    [Fact]
    public async Task A_bi_encoder_folder_is_refused_naming_what_is_needed()
    {
        var result = await Simctl.RunWithInputAsync("a\tb\n", "predict", "--model", SharedFolder.Model("bert-mean"));

        CliAssert.OneLineError(result, "is a sentence-transformers bi-encoder (modules.json), but a cross-encoder (config.json with labels) is needed");
    }

    [Fact]
    public async Task A_missing_model_folder_is_one_line_on_stderr()
    {
        var result = await Simctl.RunWithInputAsync("a\tb\n", "predict", "--model", "/no/such/cross-encoder");

        CliAssert.OneLineError(result, "'/no/such/cross-encoder' does not exist");
    }

    [Fact]
    public async Task Invalid_utf8_in_an_input_file_is_reported_at_its_line()
    {
        using var scratch = new ScratchFolder();
        byte[] bytes = [.. "a\tb\n"u8, 0xFF, .. "\tx\n"u8];
        var input = scratch.Write("pairs.tsv", bytes);

        var result = await Simctl.RunAsync("predict", "--model", SharedFolder.Model("albert-cross-encoder"), "--input", input);

        CliAssert.OneLineError(result, $"invalid UTF-8 at line 2 of {input}");
    }

    private static string Tsv(IEnumerable<(string First, string Second)> pairs) =>
        string.Concat(pairs.Select(p => $"{p.First}\t{p.Second}\n"));
}
