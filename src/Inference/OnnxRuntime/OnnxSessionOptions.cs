using Microsoft.ML.OnnxRuntime;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>How a session is set up: threads, graph optimisation and execution provider. Immutable; share freely.</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Defaults: every available core for intra-op work, no spinning, no arena, all graph optimisations, CPU.</summary>
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>Threads used inside one operator (0 = <see cref="CoreShare"/>'s share of the cores among <see cref="ConcurrentSessions"/>).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Sessions of this process that run at the same time, among which a 0 <see cref="IntraOpThreads"/> splits the cores.</summary>
    public int ConcurrentSessions { get; init; } = 1;

    /// <summary>Threads used to run independent operators in parallel (0 = ORT's default; models here run sequentially).</summary>
    public int InterOpThreads { get; init; }

    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>GPU ordinal for <see cref="OnnxExecutionProvider.Cuda"/>.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>
    /// Whether idle intra-op threads spin before sleeping (ORT's <c>session.intra_op.allow_spinning</c>). Off: on the real
    /// all-MiniLM-L6-v2 with dynamic shapes it bought no throughput on an idle 2-core machine (0.96-1.00x) for ~10% more
    /// CPU, and cost 1.3-1.5x when other processes wanted the cores.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>
    /// Whether CPU tensors come from ORT's memory arena, which keeps freed blocks for the next run. Off: with batch shapes
    /// that change every run, plain allocation measured 1.07-1.12x the arena's throughput (same model and machine).
    /// </summary>
    public bool CpuMemoryArena { get; init; }

    /// <summary>Whether ORT plans one memory block per input shape it has seen (measured 0.98-1.11x off: within noise, so ORT's default stays).</summary>
    public bool MemoryPattern { get; init; } = true;

    /// <summary>The intra-op thread count a session opened with these options uses.</summary>
    public int ResolvedIntraOpThreads => new CoreShare(IntraOpThreads, ConcurrentSessions).Threads;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (IntraOpThreads < 0)
        {
            throw new ArgumentException($"IntraOpThreads must be 0 (this process's share of its cores) or positive, got {IntraOpThreads}.");
        }

        if (ConcurrentSessions < 1)
        {
            throw new ArgumentException($"ConcurrentSessions must be at least 1, got {ConcurrentSessions}.");
        }

        if (InterOpThreads < 0)
        {
            throw new ArgumentException($"InterOpThreads must be 0 (default) or positive, got {InterOpThreads}.");
        }

        if (CudaDeviceId < 0)
        {
            throw new ArgumentException($"CudaDeviceId must not be negative, got {CudaDeviceId}.");
        }

        if (!Enum.IsDefined(GraphOptimization) || !Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentException($"Unknown graph optimisation level {GraphOptimization} or execution provider {ExecutionProvider}.");
        }
    }

    /// <summary>ORT's native options for a session of <paramref name="modelPath"/> (the caller disposes them).</summary>
    internal SessionOptions ToNative(string modelPath)
    {
        var native = new SessionOptions
        {
            IntraOpNumThreads = ResolvedIntraOpThreads,
            GraphOptimizationLevel = GraphOptimization,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            EnableCpuMemArena = CpuMemoryArena,
            EnableMemoryPattern = MemoryPattern,
        };
        try
        {
            native.AddSessionConfigEntry("session.intra_op.allow_spinning", AllowSpinning ? "1" : "0");
            if (InterOpThreads > 0)
            {
                native.InterOpNumThreads = InterOpThreads;
            }

            if (ExecutionProvider == OnnxExecutionProvider.Cuda)
            {
                CudaExecutionProvider.Append(native, CudaDeviceId, modelPath);
            }

            return native;
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }
}
