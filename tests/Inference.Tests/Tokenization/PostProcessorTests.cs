namespace Similarity.Inference.Tests.Tokenization;

public class PostProcessorTests
{
    private static readonly string[] Vocabulary = ["[UNK]", "[CLS]", "[SEP]", "a", "b", "c"];

    [Fact]
    public void Bert_processing_wraps_a_pair_and_gives_the_second_text_type_id_one()
    {
        var tokenizer = InlineTokenizer.WordPiece(Vocabulary, postProcessor: """{"type": "BertProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1]}""");

        var encoding = tokenizer.EncodePair("a b", "c");

        Assert.Equal([1, 3, 4, 2, 5, 2], encoding.Ids);
        Assert.Equal([0, 0, 0, 0, 1, 1], encoding.TypeIds);
        Assert.Equal([1, 0, 0, 1, 0, 1], encoding.SpecialTokensMask);
        Assert.Equal([null, 0, 0, null, 1, null], encoding.SequenceIds);
    }

    [Fact]
    public void Roberta_processing_doubles_the_separator_between_texts_and_uses_type_id_zero()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            Vocabulary,
            postProcessor: """{"type": "RobertaProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1], "trim_offsets": true, "add_prefix_space": false}""");

        var encoding = tokenizer.EncodePair("a", "b c");

        Assert.Equal([1, 3, 2, 2, 4, 5, 2], encoding.Ids);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], encoding.TypeIds);
        Assert.Equal([null, 0, null, null, 1, 1, null], encoding.SequenceIds);
    }

    [Fact]
    public void Template_processing_reads_the_string_form_with_type_ids()
    {
        var tokenizer = InlineTokenizer.WordPiece(
            Vocabulary,
            postProcessor: """
                {"type": "TemplateProcessing", "single": "[CLS] $A [SEP]", "pair": "[CLS] $A [SEP] $B:1 [SEP]:1",
                 "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [1], "tokens": ["[CLS]"]},
                                    "[SEP]": {"id": "[SEP]", "ids": [2], "tokens": ["[SEP]"]}}}
                """);

        Assert.Equal([1, 3, 2], tokenizer.Encode("a").Ids);
        Assert.Equal([0, 0, 0, 1, 1], tokenizer.EncodePair("a", "b").TypeIds);
    }

    [Fact]
    public void Without_special_tokens_the_template_still_sets_type_ids()
    {
        var tokenizer = ReferenceCases.Tokenizer("all-MiniLM-L6-v2").WithTruncation(null).WithPadding(null);

        var encoding = tokenizer.EncodePair("hello", "world", addSpecialTokens: false);

        Assert.Equal([7592, 2088], encoding.Ids);
        Assert.Equal([0, 1], encoding.TypeIds);
        Assert.Equal([0, 1], encoding.SequenceIds.Select(s => s!.Value));
    }

    [Fact]
    public void Without_a_post_processor_texts_are_concatenated_and_the_pair_keeps_type_id_one()
    {
        var tokenizer = InlineTokenizer.WordPiece(Vocabulary);

        var pair = tokenizer.EncodePair("a", "b");
        var single = tokenizer.Encode("a b");

        Assert.Equal([3, 4], pair.Ids);
        Assert.Equal([0, 1], pair.TypeIds);
        Assert.Equal([0, 1], pair.SequenceIds.Select(s => s!.Value));
        Assert.Equal([0, 0], single.SequenceIds.Select(s => s!.Value));
    }
}
