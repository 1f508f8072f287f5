namespace Similarity.Inference.Tests.Tokenization;

public class PreTokenizerTests
{
    [Theory]
    [InlineData("Removed", new[] { "the", "final", "countdown" })]
    [InlineData("Isolated", new[] { "the", "-", "final", "-", "-", "countdown" })]
    [InlineData("MergedWithPrevious", new[] { "the-", "final-", "-", "countdown" })]
    [InlineData("MergedWithNext", new[] { "the", "-final", "-", "-countdown" })]
    [InlineData("Contiguous", new[] { "the", "-", "final", "--", "countdown" })]
    public void Split_keeps_the_delimiter_as_its_behavior_says(string behavior, string[] expected)
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            $$"""{"type": "Split", "pattern": {"String": "-"}, "behavior": "{{behavior}}", "invert": false}""");

        Assert.Equal(expected, tokenizer.PreTokenize("the-final--countdown").Select(p => p.Piece));
    }

    [Fact]
    public void Split_with_invert_keeps_only_the_matches()
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            """{"type": "Split", "pattern": {"Regex": "\\d+"}, "behavior": "Removed", "invert": true}""");

        Assert.Equal([("12", (2, 4)), ("345", (6, 9))], tokenizer.PreTokenize("ab12cd345"));
    }

    [Fact]
    public void Whitespace_keeps_runs_of_word_characters_and_runs_of_other_symbols()
    {
        var tokenizer = InlineTokenizer.PreTokenizing("""{"type": "Whitespace"}""");

        Assert.Equal(["Hey", "man", "!!", "caf\u00E9"], tokenizer.PreTokenize("Hey man!! café").Select(p => p.Piece));
    }

    [Fact]
    public void Whitespace_split_cuts_only_at_white_space()
    {
        var tokenizer = InlineTokenizer.PreTokenizing("""{"type": "WhitespaceSplit"}""");

        Assert.Equal([("Hey", (0, 3)), ("man!!", (5, 10))], tokenizer.PreTokenize("Hey \tman!! "));
    }

    [Fact]
    public void Punctuation_isolates_each_punctuation_character_by_default()
    {
        var tokenizer = InlineTokenizer.PreTokenizing("""{"type": "Punctuation"}""");

        Assert.Equal(
            ["Hey friend", "!", "     How are you", "?", "!", "?"],
            tokenizer.PreTokenize("Hey friend!     How are you?!?").Select(p => p.Piece));
    }

    [Theory]
    [InlineData("true", new[] { "Hey ", "1", "2", "3", " friend!" })]
    [InlineData("false", new[] { "Hey ", "123", " friend!" })]
    public void Digits_isolates_numbers_digit_by_digit_or_as_runs(string individual, string[] expected)
    {
        var tokenizer = InlineTokenizer.PreTokenizing($$"""{"type": "Digits", "individual_digits": {{individual}}}""");

        Assert.Equal(expected, tokenizer.PreTokenize("Hey 123 friend!").Select(p => p.Piece));
    }

    [Fact]
    public void Bert_pre_tokenizer_splits_on_white_space_and_isolates_punctuation()
    {
        var tokenizer = InlineTokenizer.PreTokenizing("""{"type": "BertPreTokenizer"}""");

        Assert.Equal(["Hello", ",", "world", "$", "5"], tokenizer.PreTokenize("Hello, world $5").Select(p => p.Piece));
    }

    [Fact]
    public void Metaspace_replaces_spaces_and_prepends_the_replacement_whose_offset_is_the_first_character()
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            """{"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true}""");

        Assert.Equal([("\u2581Hey", (0, 3)), ("\u2581friend!", (3, 11))], tokenizer.PreTokenize("Hey friend!"));
    }

    [Fact]
    public void Metaspace_with_prepend_scheme_never_does_not_prefix_the_first_piece()
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            """{"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "never", "split": true}""");

        Assert.Equal(["Hey", "\u2581friend!"], tokenizer.PreTokenize("Hey friend!").Select(p => p.Piece));
    }

    [Fact]
    public void Metaspace_legacy_add_prefix_space_false_means_never()
    {
        var tokenizer = InlineTokenizer.PreTokenizing("""{"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": false}""");

        Assert.Equal(["Hey", "\u2581friend!"], tokenizer.PreTokenize("Hey friend!").Select(p => p.Piece));
    }

    [Fact]
    public void Metaspace_without_split_keeps_one_piece()
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            """{"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": false}""");

        Assert.Equal([("\u2581Hey\u2581friend", (0, 10))], tokenizer.PreTokenize("Hey friend"));
    }

    [Theory]
    [InlineData("first", new[] { "\u2581Hey", "<s>", "friend" })]
    [InlineData("always", new[] { "\u2581Hey", "<s>", "\u2581friend" })]
    public void Metaspace_prepend_scheme_first_only_prefixes_the_piece_at_the_start_of_the_input(string scheme, string[] expected)
    {
        var tokenizer = InlineTokenizer.WordPiece(
            ["[UNK]", "\u2581Hey", "friend", "\u2581friend", "<s>"],
            preTokenizer: $$"""{"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "{{scheme}}", "split": true}""",
            addedTokens: """[{"id": 4, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}]""");

        Assert.Equal(expected, tokenizer.Encode("Hey<s>friend").Tokens);
    }

    [Fact]
    public void A_contradictory_metaspace_configuration_is_refused()
    {
        Assert.Throws<Similarity.Inference.Tokenization.TokenizerFormatException>(() => InlineTokenizer.PreTokenizing(
            """{"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "add_prefix_space": false}"""));
    }

    [Fact]
    public void Sequence_applies_pre_tokenizers_in_order()
    {
        var tokenizer = InlineTokenizer.PreTokenizing(
            """{"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"}, {"type": "Digits", "individual_digits": true}]}""");

        Assert.Equal(["a", "1", "2", "b"], tokenizer.PreTokenize("a12 b").Select(p => p.Piece));
    }
}
