namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// How a corpus keeps its embeddings, in storage and in silo memory: float32 as encoded, or float16 for half the memory
/// (scores computed in float32 from the widened values stay within 1e-3 of float32 rows for unit-length embeddings).
/// </summary>
[GenerateSerializer]
public enum StoragePrecision
{
    Float32 = 0,
    Float16 = 1,
}
