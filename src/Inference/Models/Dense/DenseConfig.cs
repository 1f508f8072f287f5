using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Dense;

/// <summary>A Dense module's <c>config.json</c>: sizes, whether it has a bias, and its activation by torch class name.</summary>
public sealed record DenseConfig(int InFeatures, int OutFeatures, bool Bias, Activation Activation)
{
    public static DenseConfig Read(string path)
    {
        var file = ConfigFile.Read(path, "the Dense module");
        var inFeatures = file.Int("in_features");
        var outFeatures = file.Int("out_features");
        if (inFeatures <= 0 || outFeatures <= 0)
        {
            throw new ModelConfigException(path, $"'{path}': in_features and out_features must be positive, got {inFeatures} and {outFeatures}.");
        }

        var activationName = file.OptionalString("activation_function") ?? "torch.nn.modules.activation.Tanh";
        var activation = ActivationFunction.Parse(activationName)
            ?? throw new ModelConfigException(path, $"'{path}': activation_function '{activationName}' is not supported (known: {string.Join(", ", Enum.GetNames<Activation>())}).");
        return new DenseConfig(inFeatures, outFeatures, file.Bool("bias", true), activation);
    }
}
