using Similarity.TestSupport;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Models.EndToEnd;

public class ModelInputTokenizerTests
{
    [Theory]
    [InlineData("bert-mean", 256)]
    [InlineData("bert-dense-tanh", 128)]
    [InlineData("mpnet-like-normalize", 344)]
    [InlineData("multilingual-mean", 128)]
    public void Every_reference_sentence_gets_exactly_the_ids_pytorch_was_fed(string model, int paragraphLength)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var tokenizer = ModelInputTokenizer.For(pipeline);

        for (var i = 0; i < reference.BatchSize; i++)
        {
            var encoded = tokenizer.Encode(reference.Sentences[i]);
            Assert.Equal(reference.Ids(i), encoded.Ids);
            Assert.Equal(reference.TypeIds(i), encoded.TypeIds);
        }

        Assert.Equal(paragraphLength, tokenizer.Encode(reference.Sentences[^1]).Length);
    }

    [Fact]
    public void Every_reference_pair_gets_exactly_the_ids_and_type_ids_pytorch_was_fed()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var pipeline = CrossEncoderPipeline.Load(reference.Folder);
        var tokenizer = ModelInputTokenizer.For(pipeline);

        for (var i = 0; i < reference.BatchSize; i++)
        {
            var encoded = tokenizer.EncodePair(reference.Pairs[i].First, reference.Pairs[i].Second);
            Assert.Equal(reference.Ids(i), encoded.Ids);
            Assert.Equal(reference.TypeIds(i), encoded.TypeIds);
        }
    }

    [Fact]
    public void Mpnet_truncates_to_max_seq_length_384_not_the_files_128_and_never_pads_to_the_files_fixed_128()
    {
        var reference = ModelReference.Load("mpnet-like-normalize");
        var file = Tokenizer.Load(Path.Combine(reference.Folder, "tokenizer.json"));
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var tokenizer = ModelInputTokenizer.For(pipeline);

        Assert.Equal(128, file.Truncation!.MaxLength);
        Assert.Equal(128, file.Padding!.FixedLength);
        Assert.Equal(384, tokenizer.MaxLength);
        Assert.Equal(3, tokenizer.Encode("short").Length);
        Assert.Equal(384, tokenizer.Encode(string.Join(' ', Enumerable.Repeat("word", 1000))).Length);
    }

    [Fact]
    public void A_lower_casing_model_lower_cases_text_for_a_cased_tokenizer()
    {
        var reference = ModelReference.Load("multilingual-mean");
        var cased = Tokenizer.Load(Path.Combine(reference.Folder, "tokenizer.json"));
        var lowering = new ModelInputTokenizer(cased, 128, lowerCase: true);
        var plain = new ModelInputTokenizer(cased, 128);

        Assert.NotEqual(plain.Encode("Berlin IST Schön").Ids, plain.Encode("berlin ist schön").Ids);
        Assert.Equal(plain.Encode("berlin ist schön").Ids, lowering.Encode("Berlin IST Schön").Ids);
        Assert.Equal(plain.EncodePair("wer", "ist da").Ids, lowering.EncodePair("WER", "Ist Da").Ids);
    }

    [Fact]
    public void Lower_casing_happens_before_special_tokens_are_matched_as_in_sentence_transformers()
    {
        // sentence-transformers lower-cases the raw text, so "[MASK]" becomes "[mask]", which is no special token.
        var reference = ModelReference.Load("bert-mean");
        var tokenizer = Tokenizer.Load(Path.Combine(reference.Folder, "tokenizer.json"));
        var lowering = new ModelInputTokenizer(tokenizer, 256, lowerCase: true);
        var plain = new ModelInputTokenizer(tokenizer, 256);

        Assert.Equal(plain.Encode("[mask] here").Ids, lowering.Encode("[MASK] here").Ids);
        Assert.Contains(tokenizer.TokenToId("[MASK]")!.Value, plain.Encode("[MASK] here").Ids);
    }

    [Fact]
    public void Truncation_side_left_in_tokenizer_config_keeps_the_end_of_a_long_text()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        folder.Write("tokenizer_config.json", """{"truncation_side": "left"}""");
        using var pipeline = SentenceTransformerPipeline.Load(folder.Path);
        var tokenizer = ModelInputTokenizer.For(pipeline);
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "alpha" : "beta")) + " omega";

        var encoded = tokenizer.Encode(text);

        Assert.Equal(256, encoded.Length);
        var omega = tokenizer.Tokenizer.Encode("omega").Ids[1..^1];
        Assert.Equal(omega, encoded.Ids[^(omega.Length + 1)..^1]);
    }
}
