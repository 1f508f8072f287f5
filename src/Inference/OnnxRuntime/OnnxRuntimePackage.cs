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

    private static readonly Lazy<OrtEnv> Quiet = new(() =>
    {
        // Every failure reaches the caller as an exception carrying ORT's message; ORT's own log lines on stderr would
        // only repeat it (or break a CLI's one-line error), so the process-wide environment logs fatal errors alone.
        var environment = OrtEnv.Instance();
        environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        return environment;
    });

    /// <summary>The version the loaded native library reports, e.g. 1.32.0.</summary>
    public static string Version => Environment.GetVersionString();

    /// <summary>Execution providers compiled into the loaded library (CPUExecutionProvider, and CUDAExecutionProvider in the GPU flavour).</summary>
    public static IReadOnlyList<string> AvailableProviders => Environment.GetAvailableProviders();

    /// <summary>ORT's process-wide environment, created on first use with its log quietened.</summary>
    internal static OrtEnv Environment => Quiet.Value;
}
