using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Cache;

/// <summary>A <c>--model</c> value that is neither a folder nor a model the cache holds; the message says which names exist and how to fetch one.</summary>
public sealed class ModelNotFoundException(string name, string message) : ModelFolderException(name, message)
{
    /// <summary>The value as given.</summary>
    public string Name => Path;
}
