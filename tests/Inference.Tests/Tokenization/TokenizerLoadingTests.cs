using Similarity.Inference.Tokenization;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tokenization;

public class TokenizerLoadingTests
{
    [Fact]
    public void Load_accepts_the_folder_that_holds_tokenizer_json()
    {
        var tokenizer = Tokenizer.Load(SharedFolder.Fixture("tokenizers", "all-MiniLM-L6-v2"));

        Assert.Equal(101, tokenizer.TokenToId("[CLS]"));
        Assert.EndsWith("tokenizer.json", tokenizer.SourceName);
    }

    [Fact]
    public void Load_reads_the_files_own_truncation_and_padding()
    {
        var tokenizer = ReferenceCases.Tokenizer("all-mpnet-base-v2");

        Assert.Equal(new TruncationOptions(128), tokenizer.Truncation);
        Assert.Equal(new PaddingOptions(FixedLength: 128, PadId: 1, PadToken: "<pad>"), tokenizer.Padding);
    }

    [Fact]
    public void A_file_without_padding_pads_nothing()
    {
        Assert.Null(ReferenceCases.Tokenizer("albert-base-v2").Padding);
    }

    [Fact]
    public void Load_of_a_missing_file_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "tokenizer.json");

        var error = Assert.Throws<FileNotFoundException>(() => Tokenizer.Load(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Malformed_json_is_refused_with_the_file_name_and_line()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => Tokenizer.Parse("{\n  \"model\": {,\n}", "broken.json"));

        Assert.Equal("broken.json", error.SourceName);
        Assert.Contains("malformed JSON at line 2", error.Message);
    }

    [Fact]
    public void A_document_without_a_model_is_refused()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => Tokenizer.Parse("""{"normalizer": null}""", "nomodel.json"));

        Assert.Contains("missing required field 'model'", error.Message);
        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void An_unknown_normalizer_is_refused_by_type_and_json_path()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.Normalizing(
            """{"type": "Sequence", "normalizers": [{"type": "Lowercase"}, {"type": "ByteLevel"}]}"""));

        Assert.Equal("ByteLevel", error.ComponentType);
        Assert.Equal("$.normalizer.normalizers[1]", error.JsonPath);
        Assert.Contains("inline-wordpiece.json", error.Message);
        Assert.Contains("unsupported normalizer type 'ByteLevel'", error.Message);
    }

    [Fact]
    public void An_unknown_pre_tokenizer_is_refused_by_type_and_json_path()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.PreTokenizing(
            """{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true}"""));

        Assert.Equal("ByteLevel", error.ComponentType);
        Assert.Equal("$.pre_tokenizer", error.JsonPath);
    }

    [Fact]
    public void An_unknown_post_processor_is_refused_by_type_and_json_path()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.WordPiece(
            ["[UNK]"], postProcessor: """{"type": "ByteLevel", "trim_offsets": true}"""));

        Assert.Equal("ByteLevel", error.ComponentType);
        Assert.Equal("$.post_processor", error.JsonPath);
    }

    [Fact]
    public void A_bpe_model_is_refused_by_type()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => Tokenizer.Parse(
            """{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}""", "bpe.json"));

        Assert.Equal("BPE", error.ComponentType);
        Assert.Equal("$.model", error.JsonPath);
    }

    [Fact]
    public void A_model_without_type_but_with_merges_is_recognised_as_bpe_and_refused()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => Tokenizer.Parse(
            """{"model": {"vocab": {"a": 0}, "merges": ["a b"]}}"""));

        Assert.Equal("BPE", error.ComponentType);
    }

    [Fact]
    public void A_model_without_type_and_with_a_token_to_id_vocabulary_is_word_piece()
    {
        var tokenizer = Tokenizer.Parse(
            """{"model": {"unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": {"[UNK]": 0, "play": 1, "##ing": 2}}}""");

        Assert.Equal(["play", "##ing"], tokenizer.Encode("playing").Tokens);
    }

    [Fact]
    public void A_model_without_type_and_with_a_scored_piece_list_is_unigram()
    {
        var tokenizer = Tokenizer.Parse("""{"model": {"unk_id": 0, "vocab": [["<unk>", 0.0], ["ab", -1.0], ["a", -2.0], ["b", -2.0]]}}""");

        Assert.Equal(["ab"], tokenizer.Encode("ab").Tokens);
    }

    [Fact]
    public void A_regex_dotnet_cannot_compile_is_refused_naming_the_pattern()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.Normalizing(
            """{"type": "Replace", "pattern": {"Regex": "(unclosed"}, "content": ""}"""));

        Assert.Equal("$.normalizer.pattern.Regex", error.JsonPath);
        Assert.Contains("(unclosed", error.Message);
    }

    [Fact]
    public void A_template_that_uses_an_undefined_special_token_is_refused()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.WordPiece(
            ["[UNK]"],
            postProcessor: """{"type": "TemplateProcessing", "single": "[CLS] $A", "pair": "$A $B", "special_tokens": {}}"""));

        Assert.Contains("'[CLS]'", error.Message);
    }

    [Fact]
    public void An_unsupported_decoder_does_not_prevent_encoding_but_decoding_names_it()
    {
        var tokenizer = InlineTokenizer.WordPiece(["[UNK]", "hi"], decoder: """{"type": "ByteFallback"}""");

        Assert.Equal([1], tokenizer.Encode("hi").Ids);
        var error = Assert.Throws<TokenizerFormatException>(() => tokenizer.Decode([1]));
        Assert.Equal("ByteFallback", error.ComponentType);
        Assert.Equal("$.decoder", error.JsonPath);
    }

    [Fact]
    public void A_unigram_unk_id_outside_the_vocabulary_is_refused()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => InlineTokenizer.Unigram([("a", -1.0)], unkId: 5));

        Assert.Equal("$.model.unk_id", error.JsonPath);
    }
}
