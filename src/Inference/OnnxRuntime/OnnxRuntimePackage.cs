using System.Reflection;
using Microsoft.ML.OnnxRuntime;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>Which ONNX Runtime this build runs on: the NuGet package flavour chosen at build time and what its library offers.</summary>
public static class OnnxRuntimePackage
{
    /// <summary>The build property that picks the flavour (<c>dotnet build -p:OnnxRuntimeFlavour=gpu</c>).</summary>
    public const string FlavourProperty = "OnnxRuntimeFlavour";

    /// <summary><c>cpu</c> (Microsoft.ML.OnnxRuntime) or <c>gpu</c> (Microsoft.ML.OnnxRuntime.Gpu.Linux), as built.</summary>
    public static string Flavour { get; } = typeof(OnnxRuntimePackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == FlavourProperty)?.Value ?? "cpu";

    /// <summary>The NuGet package that flavour references.</summary>
    public static string PackageId => Flavour == "gpu" ? "Microsoft.ML.OnnxRuntime.Gpu.Linux" : "Microsoft.ML.OnnxRuntime";

    /// <summary>The version the loaded native library reports, e.g. 1.32.0.</summary>
    public static string Version => OrtEnv.Instance().GetVersionString();

    /// <summary>Execution providers compiled into the loaded library (CPUExecutionProvider, and CUDAExecutionProvider in the GPU flavour).</summary>
    public static IReadOnlyList<string> AvailableProviders => OrtEnv.Instance().GetAvailableProviders();
}
