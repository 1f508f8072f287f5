using FsCheck;
using FsCheck.Fluent;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Tokenization;

public class EdgeInputTests
{
    public static TheoryData<string> Tokenizers => new(ReferenceCases.TokenizerNames);

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Empty_text_encodes_to_the_special_tokens_alone(string name)
    {
        var tokenizer = Plain(name);

        var encoding = tokenizer.Encode(string.Empty);

        Assert.All(encoding.SpecialTokensMask, special => Assert.Equal(1, special));
        Assert.Equal(2, encoding.Length);
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Whitespace_only_text_encodes_like_empty_text(string name)
    {
        var tokenizer = Plain(name);

        Assert.Equal(tokenizer.Encode(string.Empty).Ids, tokenizer.Encode(" \t\r\n\u00A0\u3000 ").Ids);
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void A_ten_thousand_character_text_is_truncated_to_the_maximum_length(string name)
    {
        var text = string.Concat(Enumerable.Repeat("Tokenization of long documents must stay bounded. ", 200))[..10_000];
        var full = Plain(name).Encode(text);
        var truncated = Plain(name).WithTruncation(new TruncationOptions(128)).Encode(text);

        Assert.Equal(128, truncated.Length);
        Assert.Equal(full.Ids[..127], truncated.Ids[..127]);
        Assert.Equal(full.Ids[^1], truncated.Ids[^1]);
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Lone_surrogates_are_read_as_replacement_characters_without_moving_offsets(string name)
    {
        var tokenizer = Plain(name);

        var withSurrogates = tokenizer.Encode("ab\uD800 c\uDC00d \uDBFF");
        var withReplacements = tokenizer.Encode("ab\uFFFD c\uFFFDd \uFFFD");

        Assert.Equal(withReplacements.Ids, withSurrogates.Ids);
        Assert.Equal(withReplacements.Offsets, withSurrogates.Offsets);
    }

    [Fact]
    public void Nul_is_dropped_by_bert_clean_text_and_offsets_skip_it()
    {
        var encoding = Plain("all-MiniLM-L6-v2").Encode("a\0b");

        Assert.Equal(["[CLS]", "ab", "[SEP]"], encoding.Tokens);
        Assert.Equal((0, 3), encoding.Offsets[1]);
    }

    [Fact]
    public void Nul_is_an_unknown_piece_for_a_unigram_tokenizer_without_precompiled_normalization()
    {
        var encoding = Plain("albert-base-v2-transformers5").Encode("a\0b");

        Assert.Contains("\0", encoding.Tokens);
        Assert.Equal(Plain("albert-base-v2-transformers5").TokenToId("<unk>"), encoding.Ids[Array.IndexOf(encoding.Tokens, "\0")]);
    }

    [Fact]
    public void Special_tokens_written_in_the_text_become_their_own_ids_but_are_not_marked_special()
    {
        var encoding = Plain("all-MiniLM-L6-v2").Encode("x [SEP] y [sep]");

        Assert.Equal([101, 1060, 102, 1061, 1031, 19802, 1033, 102], encoding.Ids);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 1], encoding.SpecialTokensMask);
    }

    [Fact]
    public void The_mpnet_mask_token_swallows_the_space_before_it_but_its_offsets_do_not()
    {
        var encoding = Plain("all-mpnet-base-v2").Encode("a <mask>");

        Assert.Equal(" <mask>", encoding.Tokens[2]);
        Assert.Equal((2, 8), encoding.Offsets[2]);
    }

    [Theory]
    [InlineData("all-MiniLM-L6-v2")]
    [InlineData("albert-base-v2")]
    [InlineData("albert-base-v2-transformers5")]
    public void Any_text_encodes_without_error_with_offsets_inside_it(string name)
    {
        var tokenizer = Plain(name);
        var fragments = Gen.Elements(
            "a", "Z", " ", "  ", "\t", "\n", "\r\n", "\0", "\u0007", "\u000B", "\u0085", "\u00A0", "\u2028", "\u200B", "\u200D",
            "\uFEFF", "\u00AD", "\u0301", "\u0308", "\u093F", "é", "ß", "İ", "字", "\uD840\uDC00", "\U0001F600", "\U0001F1FA\U0001F1F8",
            "\uD800", "\uDFFF", "\uFFFD", "\uE000", "\u0378", "ﬁ", "½", "!", "''", "``", "...", "[SEP]", "[MASK]", "<mask>", "<unk>",
            "\u2581", "1,", "9");
        var texts = Gen.ListOf(fragments).Select(parts => string.Concat(parts));
        var property = Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var encoding = tokenizer.Encode(text);
            var pair = tokenizer.EncodePair(text, text);
            return encoding.Offsets.All(o => o.Start >= 0 && o.Start <= o.End && o.End <= text.Length)
                && pair.Offsets.All(o => o.End <= text.Length)
                && encoding.Tokens.Length == encoding.Ids.Length
                && encoding.Ids.All(id => tokenizer.IdToToken(id) is not null);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    private static Tokenizer Plain(string name) => ReferenceCases.Tokenizer(name).WithTruncation(null).WithPadding(null);
}
