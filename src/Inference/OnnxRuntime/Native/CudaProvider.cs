namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>Adds ORT's CUDA execution provider (the V2 options API) to native session options.</summary>
internal static unsafe class CudaProvider
{
    private const string ProviderLibrary = "libonnxruntime_providers_cuda.so";

    public static void Append(OrtApi api, nint sessionOptions, int deviceId)
    {
        nint cudaOptions = 0;
        try
        {
            Fail(api, api.CreateCudaProviderOptions(&cudaOptions), "create CUDA provider options");
            var key = "device_id"u8;
            var value = System.Text.Encoding.ASCII.GetBytes(deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\0");
            fixed (byte* k = key)
            fixed (byte* v = value)
            {
                var keys = stackalloc byte*[1] { k };
                var values = stackalloc byte*[1] { v };
                Fail(api, api.UpdateCudaProviderOptions(cudaOptions, keys, values, 1), $"select CUDA device {deviceId}");
            }

            Fail(api, api.SessionOptionsAppendExecutionProviderCudaV2(sessionOptions, cudaOptions), "add the CUDA execution provider");
        }
        finally
        {
            if (cudaOptions != 0)
            {
                api.ReleaseCudaProviderOptions(cudaOptions);
            }
        }
    }

    private static void Fail(OrtApi api, nint status, string operation)
    {
        if (status == 0)
        {
            return;
        }

        var inner = api.ToException(status, operation);
        var folder = Path.GetDirectoryName(api.LibraryPath);
        throw new OnnxRuntimeException(
            inner.ErrorCode,
            inner.RuntimeMessage,
            operation,
            $"The CUDA execution provider was requested but ONNX Runtime could not {operation}: {inner.RuntimeMessage} "
            + $"The CUDA provider needs {ProviderLibrary} (with libonnxruntime_providers_shared.so) next to '{api.LibraryPath}' in '{folder}', "
            + $"and the CUDA and cuDNN libraries it links against; point {OnnxRuntimeLibrary.PathVariable} at a GPU build of ONNX Runtime {OnnxRuntimeLibrary.RuntimeRelease}, or use the CPU provider.");
    }
}
