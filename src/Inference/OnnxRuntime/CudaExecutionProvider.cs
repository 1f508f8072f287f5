using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// Adds ORT's CUDA execution provider to session options, or says plainly why it cannot: the build references the
/// CPU-only package, or the machine lacks a library the provider needs (named, from the loader's own error).
/// </summary>
internal static class CudaExecutionProvider
{
    private const string ProviderName = "CUDAExecutionProvider";
    private const string ProviderLibrary = "libonnxruntime_providers_cuda.so";

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
            var cause = WhyTheProviderDoesNotLoad() is { } loadError ? $" The loader says: {loadError}" : string.Empty;
            throw new OnnxRuntimeException(
                operation,
                e.Message,
                $"The CUDA execution provider was requested but ONNX Runtime could not {operation}: {e.Message}.{cause} "
                + "The GPU flavour needs CUDA 13, cuBLAS 13 and cuDNN 9 on the library path (LD_LIBRARY_PATH); the CPU provider works without them.",
                e);
        }
    }

    /// <summary>
    /// ORT only logs which library its CUDA provider could not find; loading the provider ourselves makes the system loader
    /// name it (e.g. "libcublasLt.so.13: cannot open shared object file"). Null when it loads, or is nowhere to be found.
    /// </summary>
    private static string? WhyTheProviderDoesNotLoad()
    {
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        var candidates = Directory.Exists(runtimes)
            ? Directory.EnumerateFiles(runtimes, ProviderLibrary, SearchOption.AllDirectories).Prepend(Path.Combine(AppContext.BaseDirectory, ProviderLibrary))
            : [Path.Combine(AppContext.BaseDirectory, ProviderLibrary)];
        foreach (var path in candidates.Where(File.Exists))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
                return null;
            }
            catch (DllNotFoundException e)
            {
                // .NET's message ends with dlerror's line, the one that names the library not found.
                var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return $"{lines[^1]} (loading '{path}')";
            }
        }

        return null;
    }
}
