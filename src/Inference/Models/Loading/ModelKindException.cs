using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Loading;

/// <summary>The folder holds a model of the other kind (a cross-encoder where a bi-encoder is needed, or the reverse).</summary>
public sealed class ModelKindException(string folder, ModelFolderKind actual, ModelFolderKind expected)
    : ModelFolderException(folder, Describe(folder, actual, expected))
{
    public ModelFolderKind Actual { get; } = actual;

    public ModelFolderKind Expected { get; } = expected;

    private static string Describe(string folder, ModelFolderKind actual, ModelFolderKind expected) =>
        $"'{folder}' is {Name(actual)}, but {Name(expected)} is needed here.";

    private static string Name(ModelFolderKind kind) => kind switch
    {
        ModelFolderKind.SentenceTransformer => "a sentence-transformers bi-encoder (modules.json)",
        ModelFolderKind.CrossEncoder => "a cross-encoder (config.json with labels)",
        _ => kind.ToString(),
    };
}
