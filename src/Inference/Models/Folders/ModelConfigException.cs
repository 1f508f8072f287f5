namespace Similarity.Inference.Models.Folders;

/// <summary>A configuration or weights file is malformed or says something unsupported; the message names file, line and key.</summary>
public sealed class ModelConfigException(string file, string message, Exception? inner = null) : ModelFolderException(file, message, inner);
