namespace Similarity.Inference.Models.Folders;

/// <summary>A file the model folder's configuration needs (the ONNX graph, a module config, weights) is missing.</summary>
public sealed class ModelFileNotFoundException(string file, string message) : ModelFolderException(file, message);
