using System.Text.Json;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Tests.Models;
using Similarity.Inference.Tokenization;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>
/// The BERT WordPiece pipeline built from vocab.txt + tokenizer_config.json (for folders without tokenizer.json) encodes
/// like the Hugging Face tokenizer.json of the same vocabulary, line by line of the references.
/// </summary>
public class BertVocabularyTests
{
    private static readonly Lazy<Tokenizer> MiniLm = new(() => Tokenizer.FromBertVocabulary(
        SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "vocab.txt"),
        SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "tokenizer_config.json")));

    /// <summary>The reference lines of one tokenizer, without its file-specific truncation and padding (mode "file") or batches.</summary>
    public static IEnumerable<object[]> LinesOf(string tokenizer) =>
        ReferenceCases.SingleEncodings()
            .Select(args => (string)args[0])
            .Where(name => name.StartsWith(tokenizer + "/", StringComparison.Ordinal) && !name.EndsWith("/file", StringComparison.Ordinal))
            .Select(name => new object[] { name });

    public static IEnumerable<object[]> MiniLmLines() => LinesOf("all-MiniLM-L6-v2");

    public static IEnumerable<object[]> MultilingualLines() => LinesOf("bert-base-multilingual-cased");

    [Theory]
    [MemberData(nameof(MiniLmLines))]
    public void Uncased_vocab_txt_encodes_like_the_minilm_reference(string name) => AssertMatches(MiniLm.Value, ReferenceCases.Line(name));

    [Theory]
    [MemberData(nameof(MultilingualLines))]
    public void Cased_vocab_txt_encodes_like_the_multilingual_reference(string name) => AssertMatches(Multilingual.Value, ReferenceCases.Line(name));

    [Fact]
    public void Windows_line_ends_read_like_unix_ones()
    {
        using var scratch = new ScratchFolder();
        var lines = File.ReadAllLines(SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "vocab.txt"));
        var vocabulary = scratch.Write("vocab.txt", string.Concat(lines.Select(line => line + "\r\n")));
        var crlf = Tokenizer.FromBertVocabulary(vocabulary, SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "tokenizer_config.json"));
        const string text = "Héllo, [MASK] world! Ünïcode tokenizers split unaffable words.";

        Assert.Equal(MiniLm.Value.Encode(text).Ids, crlf.Encode(text).Ids);
        Assert.Equal(30522, crlf.VocabularySize);
    }

    [Fact]
    public void A_special_token_missing_from_vocab_txt_is_named_with_the_file()
    {
        using var scratch = new ScratchFolder();
        var lines = File.ReadAllLines(SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "vocab.txt"));
        var vocabulary = scratch.WriteLines("vocab.txt", lines.Select(line => line == "[UNK]" ? "[UNKNOWN]" : line));
        var config = SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "tokenizer_config.json");

        var error = Assert.Throws<TokenizerFormatException>(() => Tokenizer.FromBertVocabulary(vocabulary, config));

        Assert.Contains(vocabulary, error.Message);
        Assert.Contains("has no line '[UNK]', the unk_token that", error.Message);
        Assert.Contains(config, error.Message);
    }

    [Fact]
    public void A_special_token_of_the_wrong_type_in_tokenizer_config_is_named()
    {
        using var scratch = new ScratchFolder();
        var config = scratch.Write("tokenizer_config.json", """{"do_lower_case": true, "sep_token": 102}""");

        var error = Assert.Throws<TokenizerFormatException>(() =>
            Tokenizer.FromBertVocabulary(SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "vocab.txt"), config));

        Assert.Contains(config, error.Message);
        Assert.Contains("$.sep_token", error.Message);
    }

    [Fact]
    public async Task A_model_folder_with_vocab_txt_instead_of_tokenizer_json_embeds_like_pytorch()
    {
        var reference = ModelReference.Load("bert-mean");
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        File.Delete(folder.File("tokenizer.json"));
        File.Copy(SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2", "vocab.txt"), folder.File("vocab.txt"));
        using var loaded = ModelLoader.Open(folder.Path);

        var embeddings = await loaded.Encoder.EncodeAsync(reference.Sentences);

        Assert.EndsWith("vocab.txt", loaded.Tokenizer.Tokenizer.SourceName);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(embeddings.Data, reference.Rows("sentence_embeddings")), 0, ModelReference.Tolerance);
    }

    /// <summary>mBERT ships only tokenizer.json here: its vocabulary, written out as vocab.txt in id order, with its tokenizer_config.json.</summary>
    private static readonly Lazy<Tokenizer> Multilingual = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("similarity-vocab-").FullName;
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceCases.TokenizerPath("bert-base-multilingual-cased")));
        var tokens = json.RootElement.GetProperty("model").GetProperty("vocab").EnumerateObject()
            .OrderBy(entry => entry.Value.GetInt32())
            .Select(entry => entry.Name + "\n");
        var vocabulary = Path.Combine(folder, "vocab.txt");
        File.WriteAllText(vocabulary, string.Concat(tokens));
        var tokenizer = Tokenizer.FromBertVocabulary(vocabulary, SharedFolder.Fixture("tokenizers", "bert-base-multilingual-cased", "tokenizer_config.json"));
        Directory.Delete(folder, recursive: true);
        return tokenizer;
    });

    private static void AssertMatches(Tokenizer tokenizer, JsonElement line)
    {
        var configured = line.GetProperty("mode").GetString() == "trunc128" ? tokenizer.WithTruncation(new TruncationOptions(128)) : tokenizer;
        var text = line.GetProperty("text").GetString()!;
        var actual = line.GetProperty("kind").GetString() == "pair"
            ? configured.EncodePair(text, line.GetProperty("text_pair").GetString()!)
            : configured.Encode(text);

        Assert.Equal(Ints(line, "ids"), actual.Ids);
        Assert.Equal(Ints(line, "type_ids"), actual.TypeIds);
        Assert.Equal(Ints(line, "special_tokens_mask"), actual.SpecialTokensMask);
        Assert.Equal(line.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()), actual.Tokens);
        if (line.TryGetProperty("decoded_skip_special", out var decoded))
        {
            Assert.Equal(decoded.GetString(), configured.Decode(actual.Ids));
        }
    }

    private static int[] Ints(JsonElement line, string name) => line.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
