using System.Text;
using System.Text.Json;
using Similarity.Client.Corpora;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// <c>simctl corpus</c> in process: a corpus lives as long as its command, so it is created, filled and exported in one
/// go; the rows come back in the order added; bad input is one line naming the file, row, line or corpus.
/// </summary>
public sealed class CorpusCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    private static string Model => SharedFolder.Model("bert-mean");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Create_with_texts_exports_what_encode_writes_and_prints_the_corpus()
    {
        var texts = _scratch.WriteLines("texts.txt", TestCorpus.Texts(300));
        var encoded = _scratch.File("encoded.npy");
        var exported = _scratch.File("exported.npy");
        CliAssert.Succeeded(await Simctl.RunAsync("encode", "--model", Model, "--input", texts, "--format", "npy", "--output", encoded));

        var result = await Simctl.RunAsync("corpus", "create", "questions", "--model", Model, "--shards", "3", "--input", texts, "--batch-size", "64", "--export", exported, "--json");

        CliAssert.Succeeded(result);
        Reference.AssertClose(NpyFormat.Read(encoded), NpyFormat.Read(exported));
        var info = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(("questions", "bert-mean", 32, "float32", 300), (info.GetProperty("name").GetString(), info.GetProperty("model").GetString(),
            info.GetProperty("dimension").GetInt32(), info.GetProperty("precision").GetString(), info.GetProperty("rows").GetInt32()));
        Assert.Equal(300, info.GetProperty("shards").EnumerateArray().Sum(s => s.GetProperty("rows").GetInt32()));
        Assert.Equal(JsonValueKind.Null, info.GetProperty("ingest").ValueKind);
    }

    [Fact]
    public async Task Create_with_embeddings_exports_them_unchanged_in_float32_and_within_1e_3_in_float16()
    {
        var rows = UnitRows.Random(250, 32, seed: 1);
        var input = NpyFiles.Write(_scratch.File("rows.npy"), rows);

        CliAssert.Succeeded(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--embeddings", input, "--batch-size", "7", "--export", _scratch.File("f32.npy")));
        CliAssert.Succeeded(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--embeddings", input, "--precision", "float16", "--export", _scratch.File("f16.npy")));

        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(_scratch.File("f32.npy")));
        var half = NpyFormat.Read(_scratch.File("f16.npy"));
        Assert.Equal((250, 32), (half.Rows, half.Columns));
        Assert.InRange(rows.Values.Zip(half.Data.ToArray(), (a, b) => Math.Abs(a - b)).Max(), 0, 1e-3);
    }

    [Fact]
    public async Task Info_on_a_corpus_of_an_earlier_command_explains_that_corpora_live_as_long_as_their_command()
    {
        var result = await Simctl.RunAsync("corpus", "info", "questions");

        CliAssert.OneLineError(result, "corpus 'questions' does not exist", "without --cluster a corpus lives only as long as the command that creates it");
    }

    [Fact]
    public async Task Help_says_where_corpora_live()
    {
        var result = await Simctl.RunAsync("corpus", "--help");

        Assert.Contains("gone when the command ends", result.StandardOutput.ReplaceLineEndings(" "));
    }

    [Theory]
    [InlineData("<f8", "(4, 3)", "(dtype '<f8', shape (4, 3))")]
    [InlineData("<f4", "(12,)", "(dtype '<f4', shape (12,))")]
    [InlineData("<f4", "(2, 2, 3)", "(dtype '<f4', shape (2, 2, 3))")]
    public async Task An_npy_that_is_not_float32_two_dimensional_is_refused_naming_it(string descr, string shape, string described)
    {
        var input = NpyFiles.WriteRaw(_scratch.File("wrong.npy"), descr, shape, new byte[descr == "<f8" ? 96 : 48]);

        var result = await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--embeddings", input);

        CliAssert.OneLineError(result, $"{input} is not a float32 2-D .npy {described}");
    }

    [Fact]
    public async Task A_truncated_npy_is_refused()
    {
        var input = NpyFiles.WriteRaw(_scratch.File("short.npy"), "<f4", "(10, 4)", new byte[100]);

        CliAssert.OneLineError(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--embeddings", input), $"{input} ends before its 10 x 4 values");
    }

    [Fact]
    public async Task Embeddings_with_a_non_finite_value_are_refused_naming_the_row()
    {
        var rows = UnitRows.Random(9, 4, seed: 2);
        rows.Values[6 * 4 + 1] = float.NegativeInfinity;
        var input = NpyFiles.Write(_scratch.File("inf.npy"), rows);

        CliAssert.OneLineError(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--embeddings", input), $"{input}: row 6 has a NaN or infinite value");
    }

    [Fact]
    public async Task Texts_that_are_not_utf8_are_refused_naming_the_file_and_line()
    {
        var input = _scratch.Write("latin1.txt", [.. Encoding.UTF8.GetBytes("fine\n"), 0x63, 0x61, 0x66, 0xE9, (byte)'\n']);

        CliAssert.OneLineError(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--input", input), $"invalid UTF-8 at line 2 of {input}");
    }

    [Fact]
    public async Task A_text_larger_than_a_batch_may_be_is_refused_naming_the_file_and_line()
    {
        var input = _scratch.WriteLines("long.txt", ["fine", new string('x', BatchCuts.MaxBatchBytes + 1)]);

        CliAssert.OneLineError(
            await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--input", input),
            $"line 2 of {input} is {BatchCuts.MaxBatchBytes + 1} bytes; texts of more than {BatchCuts.MaxBatchBytes} bytes are not taken");
    }

    [Theory]
    [InlineData("--precision", "float8", "--precision must be float32 or float16, not 'float8'")]
    [InlineData("--shards", "0", "--shards must be 1 to 1024, not 0")]
    [InlineData("--batch-size", "5000", "--batch-size must be 1 to 2048, not 5000")]
    public async Task A_bad_option_is_refused_naming_it(string option, string value, string message)
    {
        var input = _scratch.WriteLines("texts.txt", ["a"]);

        CliAssert.OneLineError(await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--input", input, option, value), message);
    }

    [Fact]
    public async Task Texts_and_embeddings_at_once_are_refused()
    {
        var texts = _scratch.WriteLines("texts.txt", ["a"]);
        var rows = NpyFiles.Write(_scratch.File("rows.npy"), UnitRows.Random(1, 32, seed: 3));

        CliAssert.OneLineError(
            await Simctl.RunAsync("corpus", "create", "c", "--model", Model, "--input", texts, "--embeddings", rows),
            "give the rows to add as either --input texts.txt or --embeddings E.npy");
    }
}
