namespace Similarity.Grains.Kernels;

/// <summary>
/// How two embeddings are compared. Every function is a similarity, higher = more similar:
/// manhattan and euclidean are negated distances, as in sentence-transformers.
/// </summary>
public enum SimilarityFunction
{
    Cosine,
    Dot,
    Manhattan,
    Euclidean,
}

/// <summary>Names used on the command line and in metric keys (<c>cosine</c>, <c>dot</c>, <c>manhattan</c>, <c>euclidean</c>).</summary>
public static class SimilarityFunctionNames
{
    public static IReadOnlyList<SimilarityFunction> All { get; } =
        [SimilarityFunction.Cosine, SimilarityFunction.Dot, SimilarityFunction.Manhattan, SimilarityFunction.Euclidean];

    public static string Name(this SimilarityFunction function) => function switch
    {
        SimilarityFunction.Cosine => "cosine",
        SimilarityFunction.Dot => "dot",
        SimilarityFunction.Manhattan => "manhattan",
        SimilarityFunction.Euclidean => "euclidean",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    public static SimilarityFunction Parse(string name) => name.ToLowerInvariant() switch
    {
        "cosine" or "cos" => SimilarityFunction.Cosine,
        "dot" => SimilarityFunction.Dot,
        "manhattan" or "l1" => SimilarityFunction.Manhattan,
        "euclidean" or "l2" => SimilarityFunction.Euclidean,
        _ => throw new ArgumentException($"Unknown similarity function '{name}'; expected cosine, dot, manhattan or euclidean.", nameof(name)),
    };
}
