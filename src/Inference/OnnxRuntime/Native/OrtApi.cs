using System.Runtime.CompilerServices;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>
/// The subset of ONNX Runtime's C function table this binding calls, read once from the <c>OrtApi</c> struct.
/// Every function returning <c>nint</c> returns an <c>OrtStatus*</c>: zero on success.
/// </summary>
internal sealed unsafe class OrtApi
{
    public OrtApi(nint table, string version, string libraryPath)
    {
        Version = version;
        LibraryPath = libraryPath;
        var slots = (nint*)table;
        GetErrorCode = (delegate* unmanaged<nint, int>)slots[OrtApiSlot.GetErrorCode];
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)slots[OrtApiSlot.GetErrorMessage];
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)slots[OrtApiSlot.CreateEnv];
        CreateSession = (delegate* unmanaged<nint, void*, nint, nint*, nint>)slots[OrtApiSlot.CreateSession];
        Run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)slots[OrtApiSlot.Run];
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)slots[OrtApiSlot.CreateSessionOptions];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)slots[OrtApiSlot.SetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)slots[OrtApiSlot.SetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)slots[OrtApiSlot.SetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)slots[OrtApiSlot.SessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)slots[OrtApiSlot.SessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)slots[OrtApiSlot.SessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)slots[OrtApiSlot.SessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)slots[OrtApiSlot.SessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)slots[OrtApiSlot.SessionGetOutputName];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)slots[OrtApiSlot.CreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)slots[OrtApiSlot.GetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)slots[OrtApiSlot.CastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged<nint, int*, nint>)slots[OrtApiSlot.GetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)slots[OrtApiSlot.GetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)slots[OrtApiSlot.GetDimensionsCount];
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)slots[OrtApiSlot.GetDimensions];
        GetSymbolicDimensions = (delegate* unmanaged<nint, byte**, nuint, nint>)slots[OrtApiSlot.GetSymbolicDimensions];
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)slots[OrtApiSlot.GetTensorTypeAndShape];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)slots[OrtApiSlot.CreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)slots[OrtApiSlot.AllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)slots[OrtApiSlot.GetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseSession];
        ReleaseValue = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseSessionOptions];
        GetAvailableProviders = (delegate* unmanaged<byte***, int*, nint>)slots[OrtApiSlot.GetAvailableProviders];
        ReleaseAvailableProviders = (delegate* unmanaged<byte**, int, nint>)slots[OrtApiSlot.ReleaseAvailableProviders];
        SessionOptionsAppendExecutionProviderCudaV2 = (delegate* unmanaged<nint, nint, nint>)slots[OrtApiSlot.SessionOptionsAppendExecutionProviderCudaV2];
        CreateCudaProviderOptions = (delegate* unmanaged<nint*, nint>)slots[OrtApiSlot.CreateCudaProviderOptions];
        UpdateCudaProviderOptions = (delegate* unmanaged<nint, byte**, byte**, nuint, nint>)slots[OrtApiSlot.UpdateCudaProviderOptions];
        ReleaseCudaProviderOptions = (delegate* unmanaged<nint, void>)slots[OrtApiSlot.ReleaseCudaProviderOptions];
    }

    /// <summary>What the library reports through <c>OrtApiBase::GetVersionString</c>, e.g. "1.30.0".</summary>
    public string Version { get; }

    public string LibraryPath { get; }

    public readonly delegate* unmanaged<nint, int> GetErrorCode;
    public readonly delegate* unmanaged<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged<nint, void*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged<nint, byte**, nuint, nint> GetSymbolicDimensions;
    public readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSession;
    public readonly delegate* unmanaged<nint, void> ReleaseValue;
    public readonly delegate* unmanaged<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged<byte***, int*, nint> GetAvailableProviders;
    public readonly delegate* unmanaged<byte**, int, nint> ReleaseAvailableProviders;
    public readonly delegate* unmanaged<nint, nint, nint> SessionOptionsAppendExecutionProviderCudaV2;
    public readonly delegate* unmanaged<nint*, nint> CreateCudaProviderOptions;
    public readonly delegate* unmanaged<nint, byte**, byte**, nuint, nint> UpdateCudaProviderOptions;
    public readonly delegate* unmanaged<nint, void> ReleaseCudaProviderOptions;

    /// <summary>Turns a non-null <c>OrtStatus*</c> into an exception (releasing the status); does nothing on success.</summary>
    public void Check(nint status, string operation)
    {
        if (status != 0)
        {
            throw ToException(status, operation);
        }
    }

    /// <summary>Like <see cref="Check(nint, string)"/>, formatting the description only if the call failed.</summary>
    public void Check(nint status, [InterpolatedStringHandlerArgument(nameof(status))] ref OperationText operation)
    {
        if (status != 0)
        {
            throw ToException(status, operation.ToStringAndClear());
        }
    }

    /// <summary>Reads and releases a failed status.</summary>
    public OnnxRuntimeException ToException(nint status, string operation)
    {
        try
        {
            var code = (OrtErrorCode)GetErrorCode(status);
            var message = Utf8.Read(GetErrorMessage(status)) ?? string.Empty;
            return new OnnxRuntimeException(code, message, operation);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }
}
