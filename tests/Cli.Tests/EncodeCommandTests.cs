using System.Globalization;
using System.Text;
using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class EncodeCommandTests
{
    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    public async Task Each_stdin_line_becomes_a_json_line_with_the_pytorch_embedding(string model)
    {
        var fixture = ModelReference.Load(model);
        var indices = fixture.SingleLineSentences();
        var expected = fixture.Rows("sentence_embeddings");

        var result = await Simctl.RunWithInputAsync(Lines(indices.Select(i => fixture.Sentences[i])), "encode", "--model", fixture.Folder);

        CliAssert.Succeeded(result);
        ReferenceRows.AssertRowsClose(indices.Select(i => expected[i]).ToArray(), JsonRows(result.StandardOutput, "embedding"));
    }

    [Fact]
    public async Task Npy_output_to_a_file_holds_float32_rows_with_the_pytorch_embeddings()
    {
        using var scratch = new ScratchFolder();
        var fixture = ModelReference.Load("mpnet-like-normalize");
        var indices = fixture.SingleLineSentences();
        var input = scratch.Write("texts.txt", Lines(indices.Select(i => fixture.Sentences[i])));
        var output = scratch.File("embeddings.npy");

        var result = await Simctl.RunAsync("encode", "--model", fixture.Folder, "--input", input, "--output", output, "--format", "npy");

        CliAssert.Succeeded(result);
        Assert.Empty(result.StandardOutput);
        Assert.Empty(result.StandardError);
        var matrix = NpyFormat.Read(output);
        Assert.Equal((indices.Length, 32), (matrix.Rows, matrix.Columns));
        var expected = fixture.Rows("sentence_embeddings");
        ReferenceRows.AssertRowsClose(indices.Select(i => expected[i]).ToArray(), matrix);
    }

    [Fact]
    public async Task Npy_output_to_stdout_carries_the_final_row_count_in_its_header()
    {
        var fixture = ModelReference.Load("bert-dense-tanh");

        var result = await Simctl.RunWithInputAsync("short\nA man is eating food.\n\n", "encode", "--model", fixture.Folder, "--format", "npy");

        CliAssert.Succeeded(result);
        var matrix = NpyFormat.Read(new MemoryStream(result.StandardOutputBytes));
        Assert.Equal((3, 16), (matrix.Rows, matrix.Columns));
        var expected = fixture.Rows("sentence_embeddings");
        ReferenceRows.AssertRowsClose([expected[17], expected[3], expected[2]], matrix);
    }

    [Fact]
    public async Task An_empty_line_is_the_empty_text_and_a_final_newline_adds_no_text()
    {
        var fixture = ModelReference.Load("bert-mean");
        var expected = fixture.Rows("sentence_embeddings");

        var result = await Simctl.RunWithInputAsync("A man is eating food.\n\nshort\n", "encode", "--model", fixture.Folder);

        CliAssert.Succeeded(result);
        ReferenceRows.AssertRowsClose([expected[3], expected[2], expected[17]], JsonRows(result.StandardOutput, "embedding"));
    }

    [Fact]
    public async Task Crlf_line_ends_and_a_missing_final_newline_give_the_same_rows_as_lf()
    {
        var fixture = ModelReference.Load("bert-mean");
        var expected = fixture.Rows("sentence_embeddings");

        var lf = await Simctl.RunWithInputAsync("short\nA man is eating food.\n", "encode", "--model", fixture.Folder);
        var crlf = await Simctl.RunWithInputAsync("short\r\nA man is eating food.", "encode", "--model", fixture.Folder);

        CliAssert.Succeeded(lf);
        CliAssert.Succeeded(crlf);
        ReferenceRows.AssertRowsClose([expected[17], expected[3]], JsonRows(lf.StandardOutput, "embedding"));
        Assert.Equal(lf.StandardOutput, crlf.StandardOutput);
    }

    [Fact]
    public async Task Empty_input_gives_no_json_lines_and_an_npy_of_zero_rows()
    {
        var model = SharedFolder.Model("bert-dense-tanh");

        var jsonl = await Simctl.RunWithInputAsync(string.Empty, "encode", "--model", model);
        var npy = await Simctl.RunWithInputAsync(string.Empty, "encode", "--model", model, "--format", "npy");

        CliAssert.Succeeded(jsonl);
        Assert.Empty(jsonl.StandardOutputBytes);
        var matrix = NpyFormat.Read(new MemoryStream(npy.StandardOutputBytes));
        Assert.Equal((0, 16), (matrix.Rows, matrix.Columns));
    }

    [Fact]
    public async Task Json_floats_are_the_shortest_text_that_reads_back_to_the_npy_float32()
    {
        using var scratch = new ScratchFolder();
        var fixture = ModelReference.Load("bert-mean");
        var input = scratch.Write("texts.txt", Lines(fixture.SingleLineSentences().Select(i => fixture.Sentences[i])));
        var npyPath = scratch.File("out.npy");

        var jsonl = await Simctl.RunAsync("encode", "--model", fixture.Folder, "--input", input);
        var npy = await Simctl.RunAsync("encode", "--model", fixture.Folder, "--input", input, "--output", npyPath, "--format", "npy");

        CliAssert.Succeeded(jsonl);
        CliAssert.Succeeded(npy);
        var matrix = NpyFormat.Read(npyPath);
        var lines = jsonl.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(matrix.Rows, lines.Length);
        for (var row = 0; row < lines.Length; row++)
        {
            var numbers = JsonDocument.Parse(lines[row]).RootElement.GetProperty("embedding").EnumerateArray().Select(n => n.GetRawText()).ToArray();
            Assert.Equal(matrix.Columns, numbers.Length);
            for (var column = 0; column < numbers.Length; column++)
            {
                var value = float.Parse(numbers[column], CultureInfo.InvariantCulture);
                Assert.Equal(BitConverter.SingleToInt32Bits(matrix[row, column]), BitConverter.SingleToInt32Bits(value));
                Assert.Equal(value.ToString(CultureInfo.InvariantCulture), numbers[column]);
            }
        }
    }

    [Fact]
    public async Task An_input_of_several_chunks_comes_back_complete_and_in_order()
    {
        var fixture = ModelReference.Load("bert-dense-tanh");
        var indices = fixture.SingleLineSentences();
        var expected = fixture.Rows("sentence_embeddings");
        const int texts = 9000;
        var order = Enumerable.Range(0, texts).Select(i => indices[(i * 7) % indices.Length]).ToArray();

        var result = await Simctl.RunWithInputAsync(Lines(order.Select(i => fixture.Sentences[i])), "encode", "--model", fixture.Folder, "--format", "npy", "--batch-tokens", "512");

        CliAssert.Succeeded(result);
        ReferenceRows.AssertRowsClose(order.Select(i => expected[i]).ToArray(), NpyFormat.Read(new MemoryStream(result.StandardOutputBytes)));
    }

    [Fact]
    public async Task Batching_options_change_how_texts_are_batched_not_the_embeddings()
    {
        var fixture = ModelReference.Load("bert-mean");
        var input = Lines(fixture.SingleLineSentences().Select(i => fixture.Sentences[i]));

        var tiny = await Simctl.RunWithInputAsync(input, "encode", "--model", fixture.Folder, "--batch-tokens", "1", "--max-batch", "1", "--threads", "1");
        var large = await Simctl.RunWithInputAsync(input, "encode", "--model", fixture.Folder, "--batch-tokens", "100000", "--max-batch", "500", "--threads", "2");

        CliAssert.Succeeded(tiny);
        CliAssert.Succeeded(large);
        ReferenceRows.AssertRowsClose(JsonRows(tiny.StandardOutput, "embedding"), JsonRows(large.StandardOutput, "embedding"));
    }

    [Fact]
    public async Task A_missing_model_folder_is_one_line_on_stderr()
    {
        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", "/no/such/model");

        CliAssert.OneLineError(result, "'/no/such/model' does not exist");
    }

    [Fact]
    public async Task A_folder_that_is_not_a_model_is_named()
    {
        var folder = Path.Combine(SharedFolder.Data, "stsb");

        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", folder);

        CliAssert.OneLineError(result, $"'{folder}' is not a model folder");
    }

    [Fact]
    public async Task A_cross_encoder_folder_is_refused_naming_what_is_needed()
    {
        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", SharedFolder.Model("albert-cross-encoder"));

        CliAssert.OneLineError(result, "is a cross-encoder (config.json with labels), but a sentence-transformers bi-encoder (modules.json) is needed");
    }

    [Fact]
    public async Task A_missing_input_file_is_named()
    {
        var result = await Simctl.RunAsync("encode", "--model", SharedFolder.Model("bert-mean"), "--input", "/no/such/texts.txt");

        CliAssert.OneLineError(result, "input file not found: /no/such/texts.txt");
    }

    [Fact]
    public async Task Invalid_utf8_in_an_input_file_is_reported_at_its_line()
    {
        using var scratch = new ScratchFolder();
        byte[] bytes = [.. "fine\nalso fine\n"u8, .. "broken "u8, 0xC3, 0x28, .. "\nafter\n"u8];
        var input = scratch.Write("texts.txt", bytes);

        var result = await Simctl.RunAsync("encode", "--model", SharedFolder.Model("bert-mean"), "--input", input);

        CliAssert.OneLineError(result, $"invalid UTF-8 at line 3 of {input}");
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--format", "csv");

        CliAssert.OneLineError(result, "unknown --format 'csv'; expected jsonl or npy");
    }

    [Fact]
    public async Task A_batch_token_budget_below_one_is_refused()
    {
        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", SharedFolder.Model("bert-mean"), "--batch-tokens", "0");

        CliAssert.OneLineError(result, "--batch-tokens must be at least 1");
    }

    [Fact]
    public async Task An_unsupported_tokenizer_component_is_named_with_its_file()
    {
        using var scratch = ScratchFolder.WithCopyOfModel("bert-mean");
        var model = scratch.Path;
        var tokenizer = Path.Combine(model, "tokenizer.json");
        File.WriteAllText(tokenizer, File.ReadAllText(tokenizer).Replace("\"model\":{\"type\":\"WordPiece\"", "\"model\":{\"type\":\"BPE\"", StringComparison.Ordinal));

        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", model);

        CliAssert.OneLineError(result, $"{tokenizer}: $.model (BPE)");
    }

    [Fact]
    public async Task A_missing_tokenizer_json_is_named()
    {
        using var scratch = ScratchFolder.WithCopyOfModel("bert-mean");
        var model = scratch.Path;
        File.Delete(Path.Combine(model, "tokenizer.json"));

        var result = await Simctl.RunWithInputAsync("text\n", "encode", "--model", model);

        CliAssert.OneLineError(result, $"Missing '{Path.Combine(model, "tokenizer.json")}'");
    }

    internal static string Lines(IEnumerable<string> texts)
    {
        var text = new StringBuilder();
        foreach (var line in texts)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    internal static List<float[]> JsonRows(string output, string property) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
            {
                var root = JsonDocument.Parse(line).RootElement;
                Assert.Equal([property], root.EnumerateObject().Select(p => p.Name));
                return root.GetProperty(property).EnumerateArray().Select(v => v.GetSingle()).ToArray();
            })
            .ToList();
}
