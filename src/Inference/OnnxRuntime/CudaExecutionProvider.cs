using Microsoft.ML.OnnxRuntime;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// Adds ORT's CUDA execution provider to session options, or says plainly why it cannot: the build references the
/// CPU-only package, or the machine lacks a library the provider needs (ORT's message names it).
/// </summary>
internal static class CudaExecutionProvider
{
    private const string ProviderName = "CUDAExecutionProvider";

    public static void Append(SessionOptions options, int deviceId, string modelPath)
    {
        var operation = $"add the CUDA execution provider (device {deviceId}) for '{modelPath}'";
        if (!OnnxRuntimePackage.AvailableProviders.Contains(ProviderName))
        {
            var problem = $"this build runs ONNX Runtime from {OnnxRuntimePackage.PackageId} {OnnxRuntimePackage.Version}, which has no CUDA provider "
                + $"(it offers {string.Join(", ", OnnxRuntimePackage.AvailableProviders)})";
            throw new OnnxRuntimeException(
                operation,
                problem,
                $"The CUDA execution provider was requested for '{modelPath}', but {problem}. Build with -p:{OnnxRuntimePackage.FlavourProperty}=gpu "
                + "(Microsoft.ML.OnnxRuntime.Gpu.Linux, which needs CUDA 13, cuBLAS 13 and cuDNN 9 where a GPU is used), or run on the CPU.");
        }

        try
        {
            options.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new OnnxRuntimeException(
                operation,
                e.Message,
                $"The CUDA execution provider was requested but ONNX Runtime could not {operation}: {e.Message} "
                + "The GPU flavour needs CUDA 13, cuBLAS 13 and cuDNN 9 on the library path (LD_LIBRARY_PATH); the CPU provider works without them.",
                e);
        }
    }
}
