namespace Similarity.Silo.Models;

/// <summary>A model folder that cannot be served: missing, of an unknown layout, or unsupported by this build.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
