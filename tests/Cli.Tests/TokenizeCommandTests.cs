using System.Text;
using System.Text.Json;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class TokenizeCommandTests
{
    private static readonly string[] Cases = ["simple", "chinese", "emoji", "special_tokens_bert", "long_en", "pair_simple", "pair_multilingual", "pair_long_a"];

    [Theory]
    [InlineData("all-MiniLM-L6-v2")]
    [InlineData("all-mpnet-base-v2")]
    [InlineData("albert-base-v2")]
    public async Task Tokenize_writes_the_reference_ids_type_ids_and_masks_without_the_files_padding_or_truncation(string tokenizer)
    {
        var references = Reference(tokenizer, "none");

        var result = await Simctl.RunWithInputAsync(Records(references), "tokenize", "--tokenizer", TokenizerFolder(tokenizer));

        CliAssert.Succeeded(result);
        AssertOutputMatches(references, result.StandardOutput);
    }

    [Theory]
    [InlineData("bert-base-multilingual-cased")]
    [InlineData("albert-base-v2-transformers5")]
    public async Task Max_length_truncates_longest_first_like_the_reference(string tokenizer)
    {
        var references = Reference(tokenizer, "trunc128");

        var result = await Simctl.RunWithInputAsync(Records(references), "tokenize", "--tokenizer", TokenizerFolder(tokenizer), "--max-length", "128");

        CliAssert.Succeeded(result);
        AssertOutputMatches(references, result.StandardOutput);
    }

    [Fact]
    public async Task Input_and_output_can_be_files()
    {
        using var scratch = new ScratchFolder();
        var references = Reference("all-MiniLM-L6-v2", "none");
        var input = scratch.Write("in.jsonl", Records(references));
        var output = scratch.File("out.jsonl");

        var result = await Simctl.RunAsync(
            "tokenize", "--tokenizer", Path.Combine(TokenizerFolder("all-MiniLM-L6-v2"), "tokenizer.json"), "--input", input, "--output", output);

        CliAssert.Succeeded(result);
        Assert.Equal(string.Empty, result.StandardOutput);
        AssertOutputMatches(references, await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task A_missing_tokenizer_file_is_one_line_on_stderr()
    {
        var result = await Simctl.RunWithInputAsync("{\"text\": \"a\"}\n", "tokenize", "--tokenizer", "/no/such/tokenizer.json");

        CliAssert.OneLineError(result, "not found: '/no/such/tokenizer.json'");
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_line_number()
    {
        var result = await Simctl.RunWithInputAsync("{\"text\": \"a\"}\n{\"text\": \"b\n", "tokenize", "--tokenizer", TokenizerFolder("all-MiniLM-L6-v2"));

        CliAssert.OneLineError(result, "malformed JSON at line 2 of stdin");
    }

    [Fact]
    public async Task A_record_without_text_is_reported_with_its_line_number()
    {
        var result = await Simctl.RunWithInputAsync("{\"text\": \"a\"}\n\n{\"pair\": \"b\"}\n", "tokenize", "--tokenizer", TokenizerFolder("all-MiniLM-L6-v2"));

        CliAssert.OneLineError(result, "missing \"text\" at line 3 of stdin");
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_as_such()
    {
        byte[] input = [.. "{\"text\": \""u8, 0xC3, 0x28, .. "\"}\n{\"text\": \"a\"}\n"u8];

        var result = await Simctl.RunWithInputAsync(input, "tokenize", "--tokenizer", TokenizerFolder("all-MiniLM-L6-v2"));

        CliAssert.OneLineError(result, "invalid UTF-8 at line 1 of stdin");
    }

    [Fact]
    public async Task An_unsupported_tokenizer_component_is_named()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("tokenizer.json", """{"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}, "pre_tokenizer": {"type": "ByteLevel"}}""");

        var result = await Simctl.RunWithInputAsync("{\"text\": \"a\"}\n", "tokenize", "--tokenizer", scratch.Path);

        CliAssert.OneLineError(result, "$.pre_tokenizer (ByteLevel): unsupported pre-tokenizer type 'ByteLevel'");
    }

    [Fact]
    public async Task A_max_length_that_is_not_positive_is_refused()
    {
        var result = await Simctl.RunWithInputAsync("{\"text\": \"a\"}\n", "tokenize", "--tokenizer", TokenizerFolder("all-MiniLM-L6-v2"), "--max-length", "0");

        CliAssert.OneLineError(result, "--max-length must be a positive number");
    }

    private static string TokenizerFolder(string name) => SharedFolder.Fixture("tokenizers", name);

    private static List<JsonElement> Reference(string tokenizer, string mode) =>
        File.ReadLines(SharedFolder.Fixture("reference", "tokenization", tokenizer + ".jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("mode").GetString() == mode && Cases.Contains(e.GetProperty("case_id").GetString()))
            .ToList();

    private static string Records(List<JsonElement> references)
    {
        var records = new StringBuilder();
        foreach (var reference in references)
        {
            var record = new Dictionary<string, string> { ["text"] = reference.GetProperty("text").GetString()! };
            if (reference.TryGetProperty("text_pair", out var pair))
            {
                record["pair"] = pair.GetString()!;
            }

            records.Append(JsonSerializer.Serialize(record)).Append('\n');
        }

        return records.ToString();
    }

    private static void AssertOutputMatches(List<JsonElement> references, string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(references.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var actual = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(["ids", "type_ids", "attention_mask"], actual.EnumerateObject().Select(p => p.Name));
            foreach (var name in new[] { "ids", "type_ids", "attention_mask" })
            {
                Assert.Equal(Ints(references[i], name), Ints(actual, name));
            }
        }
    }

    private static int[] Ints(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
