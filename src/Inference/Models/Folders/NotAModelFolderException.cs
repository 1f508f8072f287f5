namespace Similarity.Inference.Models.Folders;

/// <summary>The path is not a sentence-transformers or cross-encoder folder: it does not exist or lacks the file that marks one.</summary>
public sealed class NotAModelFolderException(string folder, string message) : ModelFolderException(folder, message);
