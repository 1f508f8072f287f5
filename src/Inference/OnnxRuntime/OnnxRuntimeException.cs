namespace Similarity.Inference.OnnxRuntime;

/// <summary>An ONNX Runtime call failed: says what we were doing (naming the model file) and carries ORT's own message.</summary>
public class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(string operation, string runtimeMessage, Exception? inner = null)
        : this(operation, runtimeMessage, $"ONNX Runtime failed to {operation}: {runtimeMessage}", inner)
    {
    }

    public OnnxRuntimeException(string operation, string runtimeMessage, string message, Exception? inner = null)
        : base(message, inner)
    {
        RuntimeMessage = runtimeMessage;
        Operation = operation;
    }

    /// <summary>The message exactly as ONNX Runtime (or our own check before calling it) reported it.</summary>
    public string RuntimeMessage { get; }

    /// <summary>What was being attempted, e.g. "load the model '/models/x/onnx/model.onnx'".</summary>
    public string Operation { get; }
}
