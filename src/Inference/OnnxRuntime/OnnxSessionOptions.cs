namespace Similarity.Inference.OnnxRuntime;

/// <summary>How a session is set up: threads, graph optimisation and execution provider. Immutable; share freely.</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Defaults: ORT's own thread counts, all graph optimisations, CPU.</summary>
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>Threads used inside one operator (0 = ORT's default, one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads used to run independent operators in parallel (0 = ORT's default).</summary>
    public int InterOpThreads { get; init; }

    public OnnxGraphOptimization GraphOptimization { get; init; } = OnnxGraphOptimization.All;

    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>GPU ordinal for <see cref="OnnxExecutionProvider.Cuda"/>.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (IntraOpThreads < 0)
        {
            throw new ArgumentException($"IntraOpThreads must be 0 (default) or positive, got {IntraOpThreads}.");
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
}
