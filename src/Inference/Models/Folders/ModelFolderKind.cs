namespace Similarity.Inference.Models.Folders;

/// <summary>The two folder layouts the engine serves.</summary>
public enum ModelFolderKind
{
    /// <summary>A sentence-transformers bi-encoder: <c>modules.json</c> listing Transformer, Pooling, Dense, Normalize modules.</summary>
    SentenceTransformer,

    /// <summary>A Hugging Face sequence-classification checkpoint (cross-encoder): <c>config.json</c> with labels, no modules.json.</summary>
    CrossEncoder,
}
