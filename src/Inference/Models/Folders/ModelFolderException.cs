namespace Similarity.Inference.Models.Folders;

/// <summary>A model folder cannot be used; <see cref="Path"/> names the folder or file at fault. Base of the specific errors.</summary>
public class ModelFolderException : Exception
{
    public ModelFolderException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The folder or file the problem is in.</summary>
    public string Path { get; }
}
