namespace Similarity.Inference.Models.SentenceTransformers;

/// <summary>One line of <c>modules.json</c>: where a module lives inside the model folder and its Python class.</summary>
public sealed record ModuleEntry(int Index, string Name, string Path, string Type)
{
    /// <summary>The class name without its package, e.g. "Pooling" for "sentence_transformers.models.Pooling".</summary>
    public string Kind => Type[(Type.LastIndexOf('.') + 1)..];
}
