using System.Runtime.InteropServices;
using Similarity.Inference.OnnxRuntime.Native;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// Finds and loads the ONNX Runtime 1.30 native library once per process: <c>SIMILARITY_ORT_LIBRARY</c> (a file path) if set,
/// else the cache folder that <c>scripts/setup.sh</c> fills.
/// </summary>
public static unsafe class OnnxRuntimeLibrary
{
    /// <summary>Environment variable naming the library file to load instead of the cached one (e.g. a GPU build).</summary>
    public const string PathVariable = "SIMILARITY_ORT_LIBRARY";

    /// <summary>The ONNX Runtime release the cache layout and API version refer to.</summary>
    public const string RuntimeRelease = "1.30.0";

    /// <summary>The <c>ORT_API_VERSION</c> requested from the library (ONNX Runtime 1.30).</summary>
    public const uint ApiVersion = 30;

    private const string LibraryFileName = "libonnxruntime.so.1";
    private static readonly Lock Gate = new();
    private static volatile OrtApi? _api;

    /// <summary>The version string the loaded library reports (loads it if needed).</summary>
    public static string Version => Api.Version;

    /// <summary>The file the library was (or will be) loaded from.</summary>
    public static string LibraryPath => _api?.LibraryPath ?? ResolvePath(Environment.GetEnvironmentVariable).Path;

    internal static OrtApi Api => _api ?? LoadOnce();

    /// <summary>The library's default location: <c>${SIMILARITY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/similarity}/onnxruntime/1.30.0/libonnxruntime.so.1</c>.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var cacheRoot = NonEmpty(environment("SIMILARITY_CACHE"));
        if (cacheRoot is null)
        {
            var xdg = NonEmpty(environment("XDG_CACHE_HOME"))
                ?? Path.Combine(NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            cacheRoot = Path.Combine(xdg, "similarity");
        }

        return Path.Combine(cacheRoot, "onnxruntime", RuntimeRelease, LibraryFileName);
    }

    /// <summary>Where the library will be looked for, and whether that came from <see cref="PathVariable"/>.</summary>
    internal static (string Path, bool FromVariable) ResolvePath(Func<string, string?> environment)
    {
        var configured = NonEmpty(environment(PathVariable));
        return configured is not null ? (configured, true) : (DefaultPath(environment), false);
    }

    /// <summary>Loads the library at <paramref name="path"/> and reads its API table; throws one clear exception on any failure.</summary>
    internal static OrtApi Load(string path, bool fromVariable)
    {
        var origin = fromVariable
            ? $"{PathVariable} points to '{path}'"
            : $"looked in the default location '{path}' ({PathVariable} is not set)";
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeUnavailableException(path, $"ONNX Runtime {RuntimeRelease} is not installed: {origin}, but there is no such file. {InstallHint}");
        }

        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeUnavailableException(path, $"ONNX Runtime could not be loaded: {origin}, but loading it failed ({e.Message}). {InstallHint}", e);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new OnnxRuntimeUnavailableException(path, $"'{path}' is not ONNX Runtime: it exports no OrtGetApiBase. {InstallHint}");
        }

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }.
        var apiBase = (nint*)((delegate* unmanaged<nint>)getApiBase)();
        var getApi = (delegate* unmanaged<uint, nint>)apiBase[0];
        var getVersion = (delegate* unmanaged<byte*>)apiBase[1];
        var version = Utf8.Read(getVersion()) ?? "unknown";
        var table = getApi(ApiVersion);
        if (table == 0)
        {
            throw new OnnxRuntimeUnavailableException(
                path, $"'{path}' is ONNX Runtime {version}, which does not provide API version {ApiVersion}; ONNX Runtime {RuntimeRelease} or newer is needed. {InstallHint}");
        }

        return new OrtApi(table, version, path);
    }

    private static string InstallHint =>
        $"Install it with scripts/setup.sh, or set {PathVariable} to the path of an existing {LibraryFileName} (ONNX Runtime {RuntimeRelease}).";

    private static OrtApi LoadOnce()
    {
        lock (Gate)
        {
            if (_api is null)
            {
                var (path, fromVariable) = ResolvePath(Environment.GetEnvironmentVariable);
                _api = Load(path, fromVariable);
            }

            return _api;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
