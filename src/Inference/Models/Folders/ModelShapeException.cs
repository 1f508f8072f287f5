namespace Similarity.Inference.Models.Folders;

/// <summary>Parts of a model disagree on sizes (e.g. Dense weights vs. its config or the pooled width).</summary>
public sealed class ModelShapeException(string file, string message) : ModelFolderException(file, message);
