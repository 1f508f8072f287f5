namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// What a long operation computes over corpus <see cref="Corpus"/>: for <see cref="OperationKind.Mine"/> each row's top
/// <see cref="TopK"/> rows by <see cref="Function"/> and the best <see cref="MaxPairs"/> pairs among them; for
/// <see cref="OperationKind.Cluster"/> the communities of at least <see cref="MinSize"/> rows at cosine
/// ≥ <see cref="Threshold"/>. The parameters of the in-process <c>mine</c> and <c>cluster</c>.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record OperationSpec(
    [property: Id(0)] string Corpus,
    [property: Id(1)] OperationKind Kind,
    [property: Id(2)] int TopK,
    [property: Id(3)] int MaxPairs,
    [property: Id(4)] ScoreFunction Function,
    [property: Id(5)] double Threshold,
    [property: Id(6)] int MinSize)
{
    /// <summary>Paraphrase mining with sentence-transformers' defaults unless given.</summary>
    public static OperationSpec Mine(string corpus, int topK = 100, int maxPairs = 500_000, ScoreFunction function = ScoreFunction.Cosine) =>
        new(corpus, OperationKind.Mine, topK, maxPairs, function, 0, 1);

    /// <summary>Community detection with sentence-transformers' defaults unless given.</summary>
    public static OperationSpec Cluster(string corpus, double threshold = 0.75, int minSize = 10) =>
        new(corpus, OperationKind.Cluster, 1, 1, ScoreFunction.Cosine, threshold, minSize);
}
