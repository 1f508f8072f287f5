namespace Similarity.Inference.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>, carried by <see cref="OnnxRuntimeException"/> so callers can tell failures apart.</summary>
public enum OrtErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    ExecutionProviderFailure = 11,
}
