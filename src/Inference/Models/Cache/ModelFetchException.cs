using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Cache;

/// <summary>Installing a model into the cache failed (restore, package contents, writing); nothing was left in the cache.</summary>
public sealed class ModelFetchException(string name, string message, Exception? inner = null) : ModelFolderException(name, message, inner);
