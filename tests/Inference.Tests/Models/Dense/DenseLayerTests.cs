using Similarity.Inference.Models.Dense;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Tests.Models.SafeTensors;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.Dense;

public class DenseLayerTests
{
    [Fact]
    public void Maps_pytorch_pooled_vectors_to_the_reference_dense_output()
    {
        var reference = ModelReference.Load("bert-dense-tanh");
        var dense = DenseLayer.Load(SharedFolder.Model("bert-dense-tanh") + "/2_Dense");
        var pooled = reference.Rows("pooled").SelectMany(r => r).ToArray();
        var output = new float[reference.BatchSize * dense.OutputDimension];

        dense.Apply(pooled, output, reference.BatchSize);

        Assert.Equal(new DenseConfig(32, 16, true, Activation.Tanh), dense.Config);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(output, reference.Rows("dense")), 0, ModelReference.Tolerance);
    }

    [Theory]
    [InlineData("torch.nn.modules.activation.Tanh", Activation.Tanh)]
    [InlineData("torch.nn.modules.linear.Identity", Activation.Identity)]
    [InlineData("torch.nn.modules.activation.ReLU", Activation.ReLU)]
    [InlineData("torch.nn.modules.activation.GELU", Activation.GELU)]
    [InlineData("Sigmoid", Activation.Sigmoid)]
    public void Activations_are_named_by_their_torch_class(string name, Activation expected)
    {
        Assert.Equal(expected, ActivationFunction.Parse(name));
    }

    [Fact]
    public void Unknown_activation_is_null()
    {
        Assert.Null(ActivationFunction.Parse("torch.nn.modules.activation.MultiheadAttention"));
    }

    [Theory]
    [InlineData(Activation.Identity, -1.5f, -1.5f)]
    [InlineData(Activation.ReLU, -1.5f, 0f)]
    [InlineData(Activation.Sigmoid, 0f, 0.5f)]
    [InlineData(Activation.Tanh, 0.5f, 0.46211716f)]
    [InlineData(Activation.GELU, 1f, 0.8413447f)]
    [InlineData(Activation.GELU, -2f, -0.04550026f)]
    [InlineData(Activation.SiLU, 1f, 0.7310586f)]
    [InlineData(Activation.LeakyReLU, -2f, -0.02f)]
    [InlineData(Activation.Hardtanh, 3f, 1f)]
    public void Activations_match_torch_defaults(Activation activation, float input, float expected)
    {
        Span<float> values = [input];

        ActivationFunction.Apply(activation, values);

        Assert.Equal(expected, values[0], 1e-6f);
    }

    [Theory]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void Half_precision_weights_without_bias_load_and_apply(string dataType)
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"in_features": 2, "out_features": 2, "bias": false, "activation_function": "torch.nn.modules.linear.Identity"}""");
        File.WriteAllBytes(folder.File("model.safetensors"), SafeTensorsWriter.Build(("linear.weight", dataType, [2, 2], [1, 2, 3, 4])));
        var dense = DenseLayer.Load(folder.Path);
        var output = new float[2];

        dense.Apply([1f, 1f], output, 1);

        Assert.Equal([3f, 7f], output);
    }

    [Fact]
    public void Weights_whose_shape_disagrees_with_the_config_are_a_shape_error()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"in_features": 3, "out_features": 2, "bias": true, "activation_function": "torch.nn.modules.activation.Tanh"}""");
        File.WriteAllBytes(folder.File("model.safetensors"), SafeTensorsWriter.Build(("linear.weight", "F32", [2, 2], [1, 2, 3, 4]), ("linear.bias", "F32", [2], [0, 0])));

        var error = Assert.Throws<ModelShapeException>(() => DenseLayer.Load(folder.Path));

        Assert.Contains("linear.weight is [2, 2]", error.Message);
        Assert.Contains("expected [2, 3]", error.Message);
        Assert.Equal(folder.File("model.safetensors"), error.Path);
    }

    [Fact]
    public void Missing_bias_when_config_promises_one_is_reported()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"in_features": 2, "out_features": 2, "bias": true}""");
        File.WriteAllBytes(folder.File("model.safetensors"), SafeTensorsWriter.Build(("linear.weight", "F32", [2, 2], [1, 2, 3, 4])));

        var error = Assert.Throws<ModelConfigException>(() => DenseLayer.Load(folder.Path));

        Assert.Contains("no 'linear.bias'", error.Message);
    }

    [Fact]
    public void Missing_weights_file_names_it()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"in_features": 2, "out_features": 2}""");

        var error = Assert.Throws<ModelFileNotFoundException>(() => DenseLayer.Load(folder.Path));

        Assert.Equal(folder.File("model.safetensors"), error.Path);
    }

    [Fact]
    public void Unsupported_activation_names_the_config_file()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.json", """{"in_features": 2, "out_features": 2, "activation_function": "my.module.Swishy"}""");

        var error = Assert.Throws<ModelConfigException>(() => DenseLayer.Load(folder.Path));

        Assert.Contains("my.module.Swishy", error.Message);
        Assert.Contains(folder.File("config.json"), error.Message);
    }
}
