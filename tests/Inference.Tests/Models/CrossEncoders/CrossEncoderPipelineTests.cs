using Similarity.TestSupport;
using Similarity.Inference.Models;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.Dense;
using Similarity.Inference.Models.Folders;
using Xunit.Abstractions;

namespace Similarity.Inference.Tests.Models.CrossEncoders;

public class CrossEncoderPipelineTests(ITestOutputHelper output)
{
    private static readonly ModelReference Reference = ModelReference.Load("albert-cross-encoder");

    [Fact]
    public void Logits_of_the_reference_pairs_match_pytorch()
    {
        using var pipeline = CrossEncoderPipeline.Load(Reference.Folder);

        var logits = pipeline.Logits(ReferenceTokens.Batch(Reference));

        var difference = ReferenceTokens.MaxAbsDifference(logits.Data, Reference.Rows("logits"));
        output.WriteLine($"albert-cross-encoder: max |logits - PyTorch| = {difference:E2}");
        Assert.InRange(difference, 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Two_labels_give_softmax_probabilities_matching_pytorch()
    {
        using var pipeline = CrossEncoderPipeline.Load(Reference.Folder);

        var probabilities = pipeline.Predict(ReferenceTokens.Batch(Reference));

        var difference = ReferenceTokens.MaxAbsDifference(probabilities.Data, Reference.Rows("softmax"));
        output.WriteLine($"albert-cross-encoder: max |softmax - PyTorch| = {difference:E2}");
        Assert.InRange(difference, 0, ModelReference.Tolerance);
        Assert.True(pipeline.Scoring.Softmax);
    }

    [Fact]
    public void Settings_come_from_the_folder()
    {
        using var pipeline = CrossEncoderPipeline.Load(Reference.Folder);

        Assert.Equal(["LABEL_0", "LABEL_1"], pipeline.Labels);
        Assert.Equal(128, pipeline.MaxSequenceLength);
        Assert.Equal(0, pipeline.PadTokenId);
        Assert.Equal("softmax", pipeline.Scoring.ToString());
    }

    [Theory]
    [InlineData(1, null, false, Activation.Sigmoid)]
    [InlineData(1, Activation.Identity, false, Activation.Sigmoid)]
    [InlineData(2, Activation.Identity, true, Activation.Identity)]
    [InlineData(3, null, true, Activation.Identity)]
    [InlineData(1, Activation.Tanh, false, Activation.Tanh)]
    public void Scoring_is_softmax_for_several_labels_and_sigmoid_for_one(int labels, Activation? configured, bool softmax, Activation activation)
    {
        Assert.Equal(new LabelScoring(softmax, activation), LabelScoring.Resolve(labels, configured));
    }

    [Fact]
    public void Single_label_scores_are_sigmoids_of_the_logit()
    {
        float[] logits = [0f, 2f];

        LabelScoring.Resolve(1, null).Apply(logits, rows: 2, labelCount: 1);

        Assert.Equal(0.5f, logits[0], 1e-6f);
        Assert.Equal(1f / (1f + MathF.Exp(-2f)), logits[1], 1e-6f);
    }

    [Fact]
    public void Label_count_that_disagrees_with_the_graph_is_a_shape_error()
    {
        using var folder = ScratchFolder.WithCopyOfModel("albert-cross-encoder");
        var config = File.ReadAllText(folder.File("config.json"))
            .Replace("\"1\": \"LABEL_1\"", "\"1\": \"LABEL_1\", \"2\": \"LABEL_2\"", StringComparison.Ordinal)
            .Replace("\"LABEL_1\": 1", "\"LABEL_1\": 1, \"LABEL_2\": 2", StringComparison.Ordinal);
        File.WriteAllText(folder.File("config.json"), config);

        var error = Assert.Throws<ModelShapeException>(() => CrossEncoderPipeline.Load(folder.Path));

        Assert.Contains("outputs 2 logits per pair", error.Message);
        Assert.Contains("3 labels", error.Message);
    }

    [Fact]
    public void Sentence_transformers_folder_is_not_a_cross_encoder()
    {
        var folder = ModelReference.Load("bert-mean").Folder;

        var error = Assert.Throws<NotAModelFolderException>(() => CrossEncoderPipeline.Load(folder));

        Assert.Contains("declares no labels", error.Message);
    }

    [Fact]
    public void Empty_batch_gives_no_rows()
    {
        using var pipeline = CrossEncoderPipeline.Load(Reference.Folder);
        var batch = new TokenBatch(0);
        batch.Reset(0, 0, 0);

        Assert.Equal(0, pipeline.Predict(batch).Rows);
    }
}
