using Similarity.Inference.OnnxRuntime.Native;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// The process-wide ONNX Runtime environment (ORT wants exactly one <c>OrtEnv</c> per process), created on first use.
/// It lives until the process ends on purpose: sessions may be finalised in any order, and each needs the environment.
/// </summary>
public sealed unsafe class OnnxEnvironment
{
    private const int LogSeverityError = 3;
    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;
    private static readonly Lazy<OnnxEnvironment> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private OnnxEnvironment(OrtApi api, nint env, nint cpuMemory, nint allocator)
    {
        Api = api;
        Handle = env;
        CpuMemoryInfo = cpuMemory;
        DefaultAllocator = allocator;
    }

    /// <summary>The environment, created (and the library loaded) on first access.</summary>
    public static OnnxEnvironment Instance => Shared.Value;

    /// <summary>The version the loaded ONNX Runtime library reports.</summary>
    public string RuntimeVersion => Api.Version;

    /// <summary>The native library file in use.</summary>
    public string LibraryPath => Api.LibraryPath;

    internal OrtApi Api { get; }

    internal nint Handle { get; }

    /// <summary>Describes ordinary CPU memory: what pinned managed buffers are, when handed to ORT as tensors.</summary>
    internal nint CpuMemoryInfo { get; }

    /// <summary>ORT's default CPU allocator (owned by ORT, never released), used for strings ORT hands back.</summary>
    internal nint DefaultAllocator { get; }

    /// <summary>Execution providers compiled into the loaded library (e.g. CPUExecutionProvider, CUDAExecutionProvider).</summary>
    public IReadOnlyList<string> AvailableProviders()
    {
        byte** names;
        int count;
        Api.Check(Api.GetAvailableProviders(&names, &count), "list the available execution providers");
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = Utf8.Read(names[i]) ?? string.Empty;
            }

            return result;
        }
        finally
        {
            Api.Check(Api.ReleaseAvailableProviders(names, count), "release the provider list");
        }
    }

    private static OnnxEnvironment Create()
    {
        var api = OnnxRuntimeLibrary.Api;
        nint env;
        var logId = "similarity"u8;
        fixed (byte* id = logId)
        {
            // The u8 literal is NUL-terminated in memory, as ORT expects.
            api.Check(api.CreateEnv(LogSeverityError, id, &env), "create the ONNX Runtime environment");
        }

        nint memoryInfo;
        api.Check(api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memoryInfo), "describe CPU memory");
        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "get the default allocator");
        return new OnnxEnvironment(api, env, memoryInfo, allocator);
    }
}
