namespace Similarity.Inference.OnnxRuntime;

/// <summary>An ONNX Runtime call failed: carries ORT's own error code and message, and what we were doing.</summary>
public class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(OrtErrorCode errorCode, string runtimeMessage, string operation)
        : base($"ONNX Runtime failed to {operation}: {runtimeMessage} ({errorCode})")
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
        Operation = operation;
    }

    public OnnxRuntimeException(OrtErrorCode errorCode, string runtimeMessage, string operation, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
        Operation = operation;
    }

    /// <summary>ORT's error code (<see cref="OrtErrorCode.InvalidArgument"/> for checks this binding makes itself).</summary>
    public OrtErrorCode ErrorCode { get; }

    /// <summary>The message exactly as ONNX Runtime (or the binding's own check) reported it.</summary>
    public string RuntimeMessage { get; }

    /// <summary>What was being attempted, e.g. "load the model '/models/x/onnx/model.onnx'".</summary>
    public string Operation { get; }
}
