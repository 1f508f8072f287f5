using System.Numerics.Tensors;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.SafeTensors;

namespace Similarity.Inference.Models.Dense;

/// <summary>sentence-transformers' Dense module: <c>activation(W·x + b)</c> per sentence embedding, W stored [out, in].</summary>
public sealed class DenseLayer
{
    private readonly float[] _weight;
    private readonly float[]? _bias;

    public DenseLayer(DenseConfig config, float[] weight, float[]? bias)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Length != config.InFeatures * config.OutFeatures)
        {
            throw new ArgumentException($"Weight has {weight.Length} values; [{config.OutFeatures}, {config.InFeatures}] needs {config.InFeatures * config.OutFeatures}.", nameof(weight));
        }

        if (bias is not null && bias.Length != config.OutFeatures)
        {
            throw new ArgumentException($"Bias has {bias.Length} values; needs {config.OutFeatures}.", nameof(bias));
        }

        Config = config;
        _weight = weight;
        _bias = bias;
    }

    public DenseConfig Config { get; }

    public int InputDimension => Config.InFeatures;

    public int OutputDimension => Config.OutFeatures;

    /// <summary>Loads a Dense module folder: <c>config.json</c> plus <c>model.safetensors</c> (<c>linear.weight</c>, optional <c>linear.bias</c>).</summary>
    public static DenseLayer Load(string folder)
    {
        var config = DenseConfig.Read(Path.Combine(folder, "config.json"));
        var weightsPath = Path.Combine(folder, "model.safetensors");
        if (!File.Exists(weightsPath))
        {
            var legacy = Path.Combine(folder, "pytorch_model.bin");
            var hint = File.Exists(legacy) ? $" (only '{legacy}' is there: PyTorch pickles cannot be read; re-save the model with safetensors)" : string.Empty;
            throw new ModelFileNotFoundException(weightsPath, $"Missing '{weightsPath}', the Dense module's weights{hint}.");
        }

        SafeTensorsFile weights;
        try
        {
            weights = SafeTensorsFile.Read(weightsPath);
        }
        catch (InvalidDataException e)
        {
            throw new ModelConfigException(weightsPath, e.Message, e);
        }

        if (!weights.Contains("linear.weight"))
        {
            throw new ModelConfigException(weightsPath, $"'{weightsPath}' has no 'linear.weight' tensor (it has {string.Join(", ", weights.Names)}).");
        }

        var weight = weights.Tensor("linear.weight");
        if (weight.Shape.Count != 2 || weight.Shape[0] != config.OutFeatures || weight.Shape[1] != config.InFeatures)
        {
            throw new ModelShapeException(weightsPath, $"'{weightsPath}': linear.weight is [{string.Join(", ", weight.Shape)}] but config.json says out_features {config.OutFeatures}, in_features {config.InFeatures} (expected [{config.OutFeatures}, {config.InFeatures}]).");
        }

        float[]? bias = null;
        if (config.Bias)
        {
            if (!weights.Contains("linear.bias"))
            {
                throw new ModelConfigException(weightsPath, $"'{weightsPath}' has no 'linear.bias' tensor, but config.json says bias is true.");
            }

            var biasTensor = weights.Tensor("linear.bias");
            if (biasTensor.Shape.Count != 1 || biasTensor.Shape[0] != config.OutFeatures)
            {
                throw new ModelShapeException(weightsPath, $"'{weightsPath}': linear.bias is [{string.Join(", ", biasTensor.Shape)}] but out_features is {config.OutFeatures}.");
            }

            bias = ToSingles(biasTensor, weightsPath);
        }

        return new DenseLayer(config, ToSingles(weight, weightsPath), bias);
    }

    /// <summary>Maps [rows × in] to [rows × out].</summary>
    public void Apply(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        var inputs = Config.InFeatures;
        var outputs = Config.OutFeatures;
        if (input.Length < rows * inputs || output.Length < rows * outputs)
        {
            throw new ArgumentException($"Dense {inputs}->{outputs} over {rows} rows needs {rows * inputs} inputs and room for {rows * outputs} outputs.");
        }

        for (var row = 0; row < rows; row++)
        {
            var x = input.Slice(row * inputs, inputs);
            var y = output.Slice(row * outputs, outputs);
            for (var o = 0; o < outputs; o++)
            {
                y[o] = TensorPrimitives.Dot(_weight.AsSpan(o * inputs, inputs), x) + (_bias is null ? 0f : _bias[o]);
            }

            ActivationFunction.Apply(Config.Activation, y);
        }
    }

    private static float[] ToSingles(SafeTensor tensor, string path)
    {
        try
        {
            return tensor.ToSingles();
        }
        catch (InvalidDataException e)
        {
            throw new ModelConfigException(path, $"'{path}': {e.Message}", e);
        }
    }
}
