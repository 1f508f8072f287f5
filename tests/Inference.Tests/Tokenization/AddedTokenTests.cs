namespace Similarity.Inference.Tests.Tokenization;

public class AddedTokenTests
{
    private static readonly string[] Vocabulary = ["[UNK]", "a", "b", "hello", "x", "<x>", "[mask]", "[", "]", "mask"];

    private static string Token(string content, bool special = true, bool normalized = false, bool singleWord = false, bool lstrip = false, bool rstrip = false) =>
        $$"""{"id": 99, "content": "{{content}}", "single_word": {{Json(singleWord)}}, "lstrip": {{Json(lstrip)}}, "rstrip": {{Json(rstrip)}}, "normalized": {{Json(normalized)}}, "special": {{Json(special)}}}""";

    [Fact]
    public void A_token_that_is_not_normalized_is_matched_case_sensitively_in_the_raw_text()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            Vocabulary, normalizer: """{"type": "Lowercase"}""", preTokenizer: """{"type": "BertPreTokenizer"}""",
            addedTokens: $"[{Token("[mask]")}]");

        Assert.Equal(["a", "[mask]", "[", "mask", "]"], tokenizer.Encode("A[mask] [MASK]").Tokens);
    }

    [Fact]
    public void A_normalized_token_is_matched_in_the_normalized_text()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            Vocabulary, normalizer: """{"type": "Lowercase"}""", addedTokens: $"[{Token("hello", special: false, normalized: true)}]");

        var encoding = tokenizer.Encode("aHELLOb");

        Assert.Equal(["a", "hello", "b"], encoding.Tokens);
        Assert.Equal([(0, 1), (1, 6), (6, 7)], encoding.Offsets);
    }

    [Fact]
    public void A_single_word_token_is_only_matched_between_non_word_characters()
    {
        var tokenizer = InlineTokenizer.WordPiece(Vocabulary, preTokenizer: null, addedTokens: $"[{Token("x", singleWord: true)}]");

        Assert.Equal(["[UNK]"], tokenizer.Encode("axb").Tokens);
        Assert.Equal(["x"], tokenizer.Encode("x").Tokens);
    }

    [Fact]
    public void Left_and_right_strip_make_the_token_swallow_adjacent_white_space()
    {
        var tokenizer = InlineTokenizer.WordPiece(Vocabulary, addedTokens: $"[{Token("<x>", lstrip: true, rstrip: true)}]");

        var encoding = tokenizer.Encode("a  <x>  b");

        Assert.Equal(["a", "  <x>  ", "b"], encoding.Tokens);
        Assert.Equal([(0, 1), (1, 8), (8, 9)], encoding.Offsets);
    }

    [Fact]
    public void Decoding_skips_special_added_tokens_but_keeps_other_added_tokens()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            Vocabulary,
            addedTokens: $"[{Token("<x>")}, {Token("hello", special: false, normalized: true)}]",
            decoder: """{"type": "WordPiece", "prefix": "##", "cleanup": true}""");

        var ids = tokenizer.Encode("a <x> hello").Ids;

        Assert.Equal("a hello", tokenizer.Decode(ids));
        Assert.Equal("a <x> hello", tokenizer.Decode(ids, skipSpecialTokens: false));
    }

    private static string Json(bool value) => value ? "true" : "false";
}
