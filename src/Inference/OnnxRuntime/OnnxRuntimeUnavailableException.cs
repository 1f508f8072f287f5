namespace Similarity.Inference.OnnxRuntime;

/// <summary>The ONNX Runtime native library could not be found or loaded; the message says where we looked and how to install it.</summary>
public sealed class OnnxRuntimeUnavailableException : Exception
{
    public OnnxRuntimeUnavailableException(string libraryPath, string message, Exception? inner = null)
        : base(message, inner)
    {
        LibraryPath = libraryPath;
    }

    /// <summary>The file we tried to load.</summary>
    public string LibraryPath { get; }
}
