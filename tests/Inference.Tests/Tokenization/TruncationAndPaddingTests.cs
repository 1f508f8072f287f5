using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Tokenization;

public class TruncationAndPaddingTests
{
    private static readonly Tokenizer Bert = ReferenceCases.Tokenizer("all-MiniLM-L6-v2").WithTruncation(null).WithPadding(null);

    private static readonly string Six = "one two three four five six";

    [Fact]
    public void Longest_first_shortens_the_longer_text_until_both_fit()
    {
        var encoding = Bert.WithTruncation(new TruncationOptions(8)).EncodePair(Six, "a b");

        Assert.Equal(["[CLS]", "one", "two", "three", "[SEP]", "a", "b", "[SEP]"], encoding.Tokens);
    }

    [Fact]
    public void Longest_first_splits_the_budget_when_both_texts_are_long()
    {
        var encoding = Bert.WithTruncation(new TruncationOptions(10)).EncodePair(Six, Six);

        Assert.Equal(["[CLS]", "one", "two", "three", "[SEP]", "one", "two", "three", "four", "[SEP]"], encoding.Tokens);
    }

    [Theory]
    [InlineData(TruncationStrategy.OnlyFirst, new[] { "[CLS]", "one", "two", "[SEP]", "a", "b", "[SEP]" })]
    [InlineData(TruncationStrategy.OnlySecond, new[] { "[CLS]", "a", "b", "[SEP]", "one", "two", "[SEP]" })]
    public void Only_first_and_only_second_shorten_just_that_text(TruncationStrategy strategy, string[] expected)
    {
        var tokenizer = Bert.WithTruncation(new TruncationOptions(7, strategy));
        var encoding = strategy == TruncationStrategy.OnlyFirst ? tokenizer.EncodePair(Six, "a b") : tokenizer.EncodePair("a b", Six);

        Assert.Equal(expected, encoding.Tokens);
    }

    [Fact]
    public void Only_second_refuses_a_single_text_that_is_too_long()
    {
        var tokenizer = Bert.WithTruncation(new TruncationOptions(4, TruncationStrategy.OnlySecond));

        Assert.Throws<ArgumentException>(() => tokenizer.Encode(Six));
    }

    [Fact]
    public void Only_first_refuses_when_the_first_text_cannot_absorb_the_cut()
    {
        var tokenizer = Bert.WithTruncation(new TruncationOptions(6, TruncationStrategy.OnlyFirst));

        var error = Assert.Throws<ArgumentException>(() => tokenizer.EncodePair("a", Six));

        Assert.Contains("first text has only 1", error.Message);
    }

    [Fact]
    public void Left_truncation_keeps_the_end_of_the_text()
    {
        var encoding = Bert.WithTruncation(new TruncationOptions(4, Direction: TruncationDirection.Left)).Encode(Six);

        Assert.Equal(["[CLS]", "five", "six", "[SEP]"], encoding.Tokens);
    }

    [Fact]
    public void A_maximum_shorter_than_the_special_tokens_leaves_only_the_special_tokens()
    {
        Assert.Equal(["[CLS]", "[SEP]"], Bert.WithTruncation(new TruncationOptions(1)).Encode(Six).Tokens);
    }

    [Fact]
    public void Padding_goes_to_the_left_when_asked_with_the_pad_token_and_zero_attention()
    {
        var encoding = Bert.WithPadding(new PaddingOptions(FixedLength: 5, Direction: PaddingDirection.Left)).Encode("hello");

        Assert.Equal([0, 0, 101, 7592, 102], encoding.Ids);
        Assert.Equal([0, 0, 1, 1, 1], encoding.AttentionMask);
        Assert.Equal([1, 1, 1, 0, 1], encoding.SpecialTokensMask);
        Assert.Equal(["[PAD]", "[PAD]", "[CLS]", "hello", "[SEP]"], encoding.Tokens);
        Assert.Equal([null, null, null, 0, null], encoding.SequenceIds);
    }

    [Fact]
    public void Padding_rounds_up_to_a_multiple()
    {
        Assert.Equal(8, Bert.WithPadding(new PaddingOptions(PadToMultipleOf: 8)).Encode("hello").Length);
        Assert.Equal(16, Bert.WithPadding(new PaddingOptions(FixedLength: 9, PadToMultipleOf: 8)).Encode("hello").Length);
    }

    [Fact]
    public void Fixed_padding_never_cuts_a_longer_encoding()
    {
        Assert.Equal(8, Bert.WithPadding(new PaddingOptions(FixedLength: 4)).Encode(Six).Length);
    }

    [Fact]
    public void A_batch_is_padded_to_its_longest_encoding()
    {
        var batch = Bert.WithPadding(new PaddingOptions()).EncodeBatch(["hello", Six, string.Empty]);

        Assert.All(batch, encoding => Assert.Equal(8, encoding.Length));
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0], batch[2].AttentionMask);
    }

    [Fact]
    public void With_truncation_and_with_padding_return_copies_and_leave_the_original_unchanged()
    {
        var loaded = ReferenceCases.Tokenizer("all-MiniLM-L6-v2");

        var adjusted = loaded.WithTruncation(new TruncationOptions(4)).WithPadding(null);

        Assert.Equal(new TruncationOptions(256), loaded.Truncation);
        Assert.NotNull(loaded.Padding);
        Assert.Equal(4, adjusted.Encode(Six).Length);
        Assert.Null(adjusted.Padding);
    }
}
