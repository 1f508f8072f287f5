namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// What a corpus is made with: the model whose embeddings it holds (texts added to it are encoded by that model), how
/// many shards spread its rows over the silos, its storage precision, and the embedding width when it is known
/// (null: set by the first rows added).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record CorpusSpec(
    [property: Id(0)] string Model,
    [property: Id(1)] int Shards,
    [property: Id(2)] StoragePrecision Precision,
    [property: Id(3)] int? Dimension)
{
    /// <summary>Most shards a corpus may have: each is a grain with its own block of rows.</summary>
    public const int MaxShards = 1024;
}
