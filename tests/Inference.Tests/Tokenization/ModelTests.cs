namespace Similarity.Inference.Tests.Tokenization;

public class ModelTests
{
    [Fact]
    public void Word_piece_takes_the_longest_vocabulary_prefix_first()
    {
        var tokenizer = InlineTokenizer.WordPiece(["[UNK]", "un", "unaff", "##aff", "##able"]);

        var encoding = tokenizer.Encode("unaffable");

        Assert.Equal(["unaff", "##able"], encoding.Tokens);
        Assert.Equal([(0, 5), (5, 9)], encoding.Offsets);
    }

    [Fact]
    public void Word_piece_turns_a_word_it_cannot_cover_into_one_unknown_token()
    {
        var tokenizer = InlineTokenizer.WordPiece(["[UNK]", "un", "##able"]);

        var encoding = tokenizer.Encode("unbelievable un");

        Assert.Equal(["[UNK]", "un"], encoding.Tokens);
        Assert.Equal([(0, 12), (13, 15)], encoding.Offsets);
    }

    [Fact]
    public void Word_piece_treats_a_word_longer_than_the_limit_in_code_points_as_unknown()
    {
        var tokenizer = InlineTokenizer.WordPiece(["[UNK]", "\U0001D518\U0001D51F", "abc", "##d"], maxInputCharsPerWord: 3);

        Assert.Equal(["\U0001D518\U0001D51F", "abc", "[UNK]"], tokenizer.Encode("\U0001D518\U0001D51F abc abcd").Tokens);
    }

    [Fact]
    public void Unigram_picks_the_segmentation_with_the_highest_total_score()
    {
        var tokenizer = InlineTokenizer.Unigram([("<unk>", 0), ("a", -1), ("b", -1), ("ab", -1.5)], unkId: 0);

        Assert.Equal(["ab"], tokenizer.Encode("ab").Tokens);
    }

    [Fact]
    public void Unigram_keeps_the_first_candidate_found_when_scores_tie()
    {
        // "a"+"b" and "ab" both score -2; "ab" reaches the end first (from position 0) and a tie does not replace it.
        var tokenizer = InlineTokenizer.Unigram([("<unk>", 0), ("a", -1), ("b", -1), ("ab", -2)], unkId: 0);

        Assert.Equal(["ab"], tokenizer.Encode("ab").Tokens);
    }

    [Fact]
    public void Unigram_fuses_consecutive_unknown_characters_into_one_unknown_token_that_keeps_the_text()
    {
        var tokenizer = InlineTokenizer.Unigram([("<unk>", 0), ("a", -1)], unkId: 0);

        var encoding = tokenizer.Encode("xy\U0001F600a");

        Assert.Equal([0, 1], encoding.Ids);
        Assert.Equal(["xy\U0001F600", "a"], encoding.Tokens);
        Assert.Equal([(0, 4), (4, 5)], encoding.Offsets);
    }

    [Fact]
    public void Unigram_byte_fallback_spells_unknown_text_as_byte_pieces_when_all_exist()
    {
        var tokenizer = InlineTokenizer.Unigram([("<unk>", 0), ("a", -1), ("<0x78>", -5), ("<0xC3>", -5)], unkId: 0, byteFallback: true);

        Assert.Equal(["<0x78>", "a", "\u00E9"], tokenizer.Encode("xa\u00E9").Tokens);
        Assert.Equal([2, 1, 0], tokenizer.Encode("xa\u00E9").Ids);
    }

    [Fact]
    public void Unigram_without_an_unknown_id_refuses_text_it_cannot_cover()
    {
        var tokenizer = InlineTokenizer.Unigram([("a", -1)], unkId: null);

        var error = Assert.Throws<InvalidOperationException>(() => tokenizer.Encode("ab"));

        Assert.Contains("no unk_id", error.Message);
    }

    [Fact]
    public void Token_to_id_and_back_use_added_tokens_then_the_model_vocabulary()
    {
        var tokenizer = ReferenceCases.Tokenizer("all-mpnet-base-v2");

        Assert.Equal(30526, tokenizer.TokenToId("<mask>"));
        Assert.Equal(2027, tokenizer.TokenToId("this"));
        Assert.Equal("this", tokenizer.IdToToken(2027));
        Assert.Null(tokenizer.TokenToId("no-such-token"));
        Assert.Null(tokenizer.IdToToken(-1));
    }
}
