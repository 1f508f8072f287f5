using Similarity.TestSupport;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Pooling;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.Tests.Models.SafeTensors;
using Xunit.Abstractions;

namespace Similarity.Inference.Tests.Models.SentenceTransformers;

public class SentenceTransformerPipelineTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    public void Sentence_embeddings_of_the_reference_batch_match_pytorch(string model)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);

        var embeddings = pipeline.Embed(ReferenceTokens.Batch(reference));

        var difference = ReferenceTokens.MaxAbsDifference(embeddings.Data, reference.Rows("sentence_embeddings"));
        output.WriteLine($"{model}: max |sentence_embeddings - PyTorch| = {difference:E2}");
        Assert.Equal(reference.BatchSize, embeddings.Rows);
        Assert.InRange(difference, 0, ModelReference.Tolerance);
    }

    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    public void Pooled_vectors_from_onnx_token_embeddings_match_pytorch(string model)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var batch = ReferenceTokens.Batch(reference);
        var pooled = new float[batch.Size * pipeline.Pooling.OutputDimension];

        using (var tokens = pipeline.Transformer.Run(batch))
        {
            pipeline.Pooling.Pool(tokens.Values, batch.AttentionMask, batch.Size, batch.SequenceLength, 0, pooled);
        }

        var difference = ReferenceTokens.MaxAbsDifference(pooled, reference.Rows("pooled"));
        output.WriteLine($"{model}: max |pooled - PyTorch| = {difference:E2}");
        Assert.InRange(difference, 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Every_reference_pooling_mode_matches_over_onnx_token_embeddings()
    {
        var reference = ModelReference.Load("bert-mean");
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var batch = ReferenceTokens.Batch(reference);
        foreach (var (mode, key) in new[] { (PoolingModes.Cls, "extra_pooling.cls"), (PoolingModes.Max, "extra_pooling.max"), (PoolingModes.MeanSqrtLength, "extra_pooling.mean_sqrt_len") })
        {
            var pooling = new TokenPooling(new PoolingConfig(32, mode, true));
            var pooled = new float[batch.Size * 32];
            using (var tokens = pipeline.Transformer.Run(batch))
            {
                pooling.Pool(tokens.Values, batch.AttentionMask, batch.Size, batch.SequenceLength, 0, pooled);
            }

            var difference = ReferenceTokens.MaxAbsDifference(pooled, reference.Rows(key));
            output.WriteLine($"bert-mean {key}: {difference:E2}");
            Assert.InRange(difference, 0, ModelReference.Tolerance);
        }
    }

    [Fact]
    public void Dense_stage_over_onnx_pooled_vectors_matches_pytorch()
    {
        var reference = ModelReference.Load("bert-dense-tanh");
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var batch = ReferenceTokens.Batch(reference);
        var pooled = new float[batch.Size * 32];
        var dense = new float[batch.Size * 16];
        using (var tokens = pipeline.Transformer.Run(batch))
        {
            pipeline.Pooling.Pool(tokens.Values, batch.AttentionMask, batch.Size, batch.SequenceLength, 0, pooled);
        }

        Assert.Single(pipeline.DenseLayers).Apply(pooled, dense, batch.Size);

        Assert.InRange(ReferenceTokens.MaxAbsDifference(dense, reference.Rows("dense")), 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Settings_come_from_the_folder()
    {
        using var dense = SentenceTransformerPipeline.Load(ModelReference.Load("bert-dense-tanh").Folder);
        using var mpnet = SentenceTransformerPipeline.Load(ModelReference.Load("mpnet-like-normalize").Folder);

        Assert.Equal(16, dense.Dimension);
        Assert.Equal(128, dense.MaxSequenceLength);
        Assert.Equal(0, dense.PadTokenId);
        Assert.False(dense.Normalizes);
        Assert.Equal(["Transformer", "Pooling", "Dense"], dense.Modules.Select(m => m.Kind));
        Assert.Equal(32, mpnet.Dimension);
        Assert.Equal(384, mpnet.MaxSequenceLength);
        Assert.Equal(1, mpnet.PadTokenId);
        Assert.True(mpnet.Normalizes);
        Assert.False(mpnet.DoLowerCase);
        Assert.EndsWith("mpnet-like-normalize/tokenizer.json", mpnet.TokenizerPath);
    }

    [Fact]
    public void A_model_is_fed_only_the_inputs_it_declares()
    {
        using var mpnet = SentenceTransformerPipeline.Load(ModelReference.Load("mpnet-like-normalize").Folder);
        using var bert = SentenceTransformerPipeline.Load(ModelReference.Load("bert-mean").Folder);

        Assert.Equal([TokenInput.InputIds, TokenInput.AttentionMask], mpnet.Transformer.Inputs);
        Assert.Equal([TokenInput.InputIds, TokenInput.AttentionMask, TokenInput.TokenTypeIds], bert.Transformer.Inputs);
    }

    [Fact]
    public void Normalized_embeddings_have_unit_length()
    {
        var reference = ModelReference.Load("mpnet-like-normalize");
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);

        var embeddings = pipeline.Embed(ReferenceTokens.Batch(reference));

        for (var row = 0; row < embeddings.Rows; row++)
        {
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embeddings.Row(row)), 1e-5f);
        }
    }

    [Fact]
    public void Rows_embed_the_same_alone_as_in_a_padded_batch()
    {
        var reference = ModelReference.Load("bert-dense-tanh");
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        var expected = reference.Rows("sentence_embeddings");
        var single = new TokenBatch(16);

        for (var row = 0; row < 3; row++)
        {
            single.Reset(1, reference.Lengths[row], pipeline.PadTokenId);
            single.SetRow(0, reference.Ids(row), reference.TypeIds(row));
            var embedding = pipeline.Embed(single);
            Assert.InRange(ModelReference.MaxAbsDifference(embedding.Row(0), expected[row]), 0, ModelReference.Tolerance);
        }
    }

    [Fact]
    public void Module_paths_come_from_modules_json()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-dense-tanh");
        Directory.Move(folder.File("1_Pooling"), folder.File("pool"));
        Directory.Move(folder.File("2_Dense"), folder.File("projection"));
        File.WriteAllText(folder.File("modules.json"), """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "pool", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "projection", "type": "sentence_transformers.models.Dense"},
             {"idx": 3, "name": "3", "path": "3_Normalize", "type": "sentence_transformers.models.Normalize"}]
            """);
        var reference = ModelReference.Load("bert-dense-tanh");
        using var pipeline = SentenceTransformerPipeline.Load(folder.Path);

        var embeddings = pipeline.Embed(ReferenceTokens.Batch(reference));

        Assert.True(pipeline.Normalizes);
        var dense = reference.Rows("dense");
        for (var row = 0; row < embeddings.Rows; row++)
        {
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(dense[row]);
            Assert.InRange(ModelReference.MaxAbsDifference(embeddings.Row(row), dense[row].Select(v => v / norm).ToArray()), 0, ModelReference.Tolerance);
        }
    }

    [Fact]
    public void Stacked_dense_layers_run_in_order_through_wider_and_narrower_widths()
    {
        // After the fixture's Dense (32 -> 16): 16 -> 48 stacks the vector three times, 48 -> 16 keeps the last copy.
        using var folder = ScratchFolder.WithCopyOfModel("bert-dense-tanh");
        WriteLinearDense(folder, "3_Stack", inFeatures: 16, outFeatures: 48, (o, i) => o % 16 == i ? 1f : 0f);
        WriteLinearDense(folder, "4_Last", inFeatures: 48, outFeatures: 16, (o, i) => i == 32 + o ? 1f : 0f);
        File.WriteAllText(folder.File("modules.json"), """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"},
             {"idx": 3, "name": "3", "path": "3_Stack", "type": "sentence_transformers.models.Dense"},
             {"idx": 4, "name": "4", "path": "4_Last", "type": "sentence_transformers.models.Dense"}]
            """);
        var reference = ModelReference.Load("bert-dense-tanh");
        using var pipeline = SentenceTransformerPipeline.Load(folder.Path);

        var embeddings = pipeline.Embed(ReferenceTokens.Batch(reference));

        Assert.Equal([16, 48, 16], pipeline.DenseLayers.Select(d => d.OutputDimension));
        Assert.InRange(ReferenceTokens.MaxAbsDifference(embeddings.Data, reference.Rows("dense")), 0, ModelReference.Tolerance);
    }

    [Fact]
    public void Folder_without_modules_json_is_not_a_sentence_transformers_folder()
    {
        var folder = ModelReference.Load("albert-cross-encoder").Folder;

        var error = Assert.Throws<NotAModelFolderException>(() => SentenceTransformerPipeline.Load(folder));

        Assert.Contains(folder, error.Message);
        Assert.Contains("modules.json", error.Message);
        Assert.Contains("CrossEncoderPipeline", error.Message);
    }

    [Fact]
    public void Missing_onnx_file_is_named()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        File.Delete(folder.File("onnx", "model.onnx"));

        var error = Assert.Throws<ModelFileNotFoundException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Equal(folder.File("onnx", "model.onnx"), error.Path);
        Assert.Contains("no ONNX export", error.Message);
    }

    [Fact]
    public void Malformed_config_json_names_the_file_and_line()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        folder.Write("1_Pooling/config.json", "{\n  \"word_embedding_dimension\": 32,\n  \"pooling_mode_mean_tokens\": tru\n}");

        var error = Assert.Throws<ModelConfigException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Equal(folder.File("1_Pooling", "config.json"), error.Path);
        Assert.Contains("not valid JSON at line 3", error.Message);
    }

    [Fact]
    public void Malformed_modules_json_names_the_file()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        folder.Write("modules.json", """[{"idx": 0, "type": "sentence_transformers.models.Transformer"}]""");

        var error = Assert.Throws<ModelConfigException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Contains("modules.json': module 0 needs string \"path\" and \"type\"", error.Message);
    }

    [Fact]
    public void Dense_in_features_that_disagree_with_pooling_are_a_shape_error()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-dense-tanh");
        folder.Write("2_Dense/config.json", """{"in_features": 64, "out_features": 16, "bias": true, "activation_function": "torch.nn.modules.activation.Tanh"}""");

        var error = Assert.Throws<ModelShapeException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Contains("in_features is 64, but the module before it produces 32", error.Message);
    }

    [Fact]
    public void Dense_weights_that_disagree_with_the_config_are_a_shape_error()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-dense-tanh");
        folder.Write("2_Dense/config.json", """{"in_features": 32, "out_features": 8, "bias": true, "activation_function": "torch.nn.modules.activation.Tanh"}""");

        var error = Assert.Throws<ModelShapeException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Contains("linear.weight is [16, 32]", error.Message);
    }

    [Fact]
    public void Pooling_width_that_disagrees_with_the_graph_is_a_shape_error()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        folder.Write("1_Pooling/config.json", """{"word_embedding_dimension": 64, "pooling_mode_mean_tokens": true}""");

        var error = Assert.Throws<ModelShapeException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Contains("produces 32-wide token embeddings", error.Message);
    }

    [Fact]
    public void Unsupported_module_type_is_named()
    {
        using var folder = ScratchFolder.WithCopyOfModel("bert-mean");
        folder.Write("modules.json", """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "2_LSTM", "type": "sentence_transformers.models.LSTM"}]
            """);

        var error = Assert.Throws<ModelConfigException>(() => SentenceTransformerPipeline.Load(folder.Path));

        Assert.Contains("sentence_transformers.models.LSTM", error.Message);
    }

    private static void WriteLinearDense(ScratchFolder folder, string module, int inFeatures, int outFeatures, Func<int, int, float> weight)
    {
        folder.Write($"{module}/config.json", $$"""{"in_features": {{inFeatures}}, "out_features": {{outFeatures}}, "bias": false, "activation_function": "torch.nn.modules.linear.Identity"}""");
        var values = new float[outFeatures * inFeatures];
        for (var o = 0; o < outFeatures; o++)
        {
            for (var i = 0; i < inFeatures; i++)
            {
                values[(o * inFeatures) + i] = weight(o, i);
            }
        }

        File.WriteAllBytes(folder.File(module, "model.safetensors"), SafeTensorsWriter.Build(("linear.weight", "F32", [outFeatures, inFeatures], values)));
    }
}
