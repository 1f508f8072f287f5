using System.Text.Json;

namespace Similarity.Inference.Tests.Tokenization;

public class NormalizerTests
{
    [Theory]
    [InlineData("NFC", "e\u0301", "\u00E9")]
    [InlineData("NFD", "\u00E9", "e\u0301")]
    [InlineData("NFKC", "\uFB01ne \u2460 \u212B", "fine 1 \u00C5")]
    [InlineData("NFKD", "\u00BD", "1\u20442")]
    [InlineData("NFD", "\uD55C", "\u1112\u1161\u11AB")]
    [InlineData("NFC", "\u1112\u1161\u11AB", "\uD55C")]
    public void Unicode_normalization_forms_rewrite_text(string form, string input, string expected)
    {
        var tokenizer = InlineTokenizer.Normalizing($$"""{"type": "{{form}}"}""");

        Assert.Equal(expected, tokenizer.Normalize(input));
    }

    [Fact]
    public void Nfc_puts_combining_marks_in_canonical_order_before_composing()
    {
        // a + acute (230) + dot below (220): the dot below moves first and composes with the a.
        var tokenizer = InlineTokenizer.Normalizing("""{"type": "NFC"}""");

        Assert.Equal("\u1EA1\u0301", tokenizer.Normalize("a\u0301\u0323"));
    }

    [Fact]
    public void Decomposed_characters_keep_pointing_at_the_character_they_came_from()
    {
        var tokenizer = InlineTokenizer.WordPiece(["[UNK]", "1", "##\u2044", "##2"], normalizer: """{"type": "NFKD"}""");

        var encoding = tokenizer.Encode("x \u00BD");

        Assert.Equal(["[UNK]", "1", "##\u2044", "##2"], encoding.Tokens);
        Assert.Equal([(0, 1), (2, 3), (2, 3), (2, 3)], encoding.Offsets);
    }

    [Fact]
    public void Lowercase_turns_dotted_capital_i_into_i_and_a_combining_dot_like_rust()
    {
        var tokenizer = InlineTokenizer.Normalizing("""{"type": "Lowercase"}""");

        Assert.Equal("i\u0307stanbul \u03C3\u03C3", tokenizer.Normalize("\u0130STANBUL \u03A3\u03A3"));
    }

    [Fact]
    public void Strip_accents_removes_combining_marks_left_by_nfd()
    {
        var tokenizer = InlineTokenizer.Normalizing("""{"type": "Sequence", "normalizers": [{"type": "NFD"}, {"type": "StripAccents"}]}""");

        Assert.Equal("Cafe naive", tokenizer.Normalize("Caf\u00E9 na\u00EFve"));
    }

    [Theory]
    [InlineData("true", "null", "cafe")]
    [InlineData("false", "null", "Café")]
    [InlineData("false", "true", "Cafe")]
    [InlineData("true", "false", "café")]
    public void Bert_normalizer_strips_accents_when_asked_or_when_strip_accents_is_null_and_it_lowercases(
        string lowercase, string stripAccents, string expected)
    {
        var tokenizer = InlineTokenizer.Normalizing(
            $$"""{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": {{stripAccents}}, "lowercase": {{lowercase}}}""");

        Assert.Equal(expected, tokenizer.Normalize("Café"));
    }

    [Fact]
    public void Bert_clean_text_drops_controls_and_turns_other_white_space_into_spaces()
    {
        var tokenizer = InlineTokenizer.Normalizing(
            """{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": false, "strip_accents": false, "lowercase": false}""");

        Assert.Equal("ab c d  e", tokenizer.Normalize("a\u0000b\u200B c\td\u2028\u00A0e\uFFFD"));
    }

    [Fact]
    public void Bert_normalizer_surrounds_cjk_ideographs_with_spaces()
    {
        var tokenizer = InlineTokenizer.Normalizing(
            """{"type": "BertNormalizer", "clean_text": false, "handle_chinese_chars": true, "strip_accents": false, "lowercase": false}""");

        Assert.Equal("a 字 b", tokenizer.Normalize("a字b"));
    }

    [Theory]
    [InlineData("""{"String": "``"}""", "\"", "He said ``hi''", "He said \"hi''")]
    [InlineData("""{"Regex": " {2,}"}""", " ", "a    b  c", "a b c")]
    [InlineData("""{"Regex": "\\p{N}+"}""", "#", "room 101, floor 3", "room #, floor #")]
    public void Replace_rewrites_every_match(string pattern, string content, string input, string expected)
    {
        var tokenizer = InlineTokenizer.Normalizing(
            $$"""{"type": "Replace", "pattern": {{pattern}}, "content": {{JsonSerializer.Serialize(content)}}}""");

        Assert.Equal(expected, tokenizer.Normalize(input));
    }

    [Fact]
    public void Replaced_text_points_at_the_last_character_of_what_it_replaced()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            ["[UNK]", "a", "##-", "##b"],
            normalizer: """{"type": "Replace", "pattern": {"String": "--"}, "content": "-"}""");

        var encoding = tokenizer.Encode("a--b");

        Assert.Equal(["a", "##-", "##b"], encoding.Tokens);
        Assert.Equal([(0, 1), (2, 3), (3, 4)], encoding.Offsets);
    }

    [Fact]
    public void Prepend_adds_its_text_in_front_of_non_empty_text_only()
    {
        var tokenizer = InlineTokenizer.Normalizing("""{"type": "Prepend", "prepend": "\u2581"}""");

        Assert.Equal("\u2581hello", tokenizer.Normalize("hello"));
        Assert.Equal(string.Empty, tokenizer.Normalize(string.Empty));
    }

    [Theory]
    [InlineData("true", "true", "hi there")]
    [InlineData("true", "false", "hi there  ")]
    [InlineData("false", "true", "  hi there")]
    public void Strip_removes_white_space_at_the_chosen_ends(string left, string right, string expected)
    {
        var tokenizer = InlineTokenizer.Normalizing($$"""{"type": "Strip", "strip_left": {{left}}, "strip_right": {{right}}}""");

        Assert.Equal(expected, tokenizer.Normalize("  hi there  "));
    }

    [Fact]
    public void Strip_keeps_offsets_on_the_original_text()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            ["[UNK]", "hi"], normalizer: """{"type": "Strip", "strip_left": true, "strip_right": true}""", preTokenizer: null);

        Assert.Equal([(2, 4)], tokenizer.Encode("  hi  ").Offsets);
    }

    [Theory]
    [InlineData("\uFF48\uFF45\uFF4C\uFF4C\uFF4F", "hello")]
    [InlineData("\u2460 x\u00B2", "1 x2")]
    [InlineData("e\u0301", "\u00E9")]
    public void Precompiled_applies_the_sentencepiece_nmt_nfkc_rules(string input, string expected)
    {
        var charsMap = JsonDocument.Parse(File.ReadAllText(ReferenceCases.TokenizerPath("albert-base-v2")))
            .RootElement.GetProperty("normalizer").GetProperty("normalizers").EnumerateArray()
            .Single(n => n.GetProperty("type").GetString() == "Precompiled")
            .GetProperty("precompiled_charsmap").GetString();
        var tokenizer = InlineTokenizer.Normalizing($$"""{"type": "Precompiled", "precompiled_charsmap": "{{charsMap}}"}""");

        Assert.Equal(expected, tokenizer.Normalize(input));
    }

    [Fact]
    public void A_corrupt_precompiled_charsmap_is_refused()
    {
        var error = Assert.Throws<Similarity.Inference.Tokenization.TokenizerFormatException>(() =>
            InlineTokenizer.Normalizing("""{"type": "Precompiled", "precompiled_charsmap": "AAAA"}"""));

        Assert.Equal("Precompiled", error.ComponentType);
    }
}
