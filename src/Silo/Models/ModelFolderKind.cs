namespace Similarity.Silo.Models;

/// <summary>The two model folder layouts the engine serves.</summary>
public enum ModelFolderKind
{
    /// <summary>A sentence-transformers folder (<c>modules.json</c>): a bi-encoder.</summary>
    SentenceTransformer,

    /// <summary>A Hugging Face sequence-classification checkpoint (<c>config.json</c> with labels, no <c>modules.json</c>): a cross-encoder.</summary>
    CrossEncoder,
}
