namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>What a tile job lists for each row: its top-k rows (paraphrase mining) or every row at a cosine threshold (communities).</summary>
[GenerateSerializer]
public enum TileKind
{
    TopK = 0,
    Threshold = 1,
}
