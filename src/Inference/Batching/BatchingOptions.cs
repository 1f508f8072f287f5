using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Batching;

/// <summary>How the batched encoders cut, merge and run batches.</summary>
public sealed record BatchingOptions
{
    /// <summary>Padded tokens per batch (batch size × longest sequence); 2048 measured best for MiniLM on 2 cores.</summary>
    public int BatchTokens { get; init; } = 2048;

    /// <summary>Most sequences in one batch.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>
    /// Most texts a worker takes from a deep queue, sorts by length and cuts into batches at once. Larger windows pad
    /// less (24000 STSb/QQP texts, MiniLM, 2048-token budget: a 256-text window computes 74% real tokens, 4096 texts 97%),
    /// but a request whose texts share a window completes only when the window does.
    /// </summary>
    public int SortWindow { get; init; } = 4096;

    /// <summary>How long a worker waits for more callers' texts before running a part-filled batch.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Dedicated inference threads.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>ONNX Runtime threads per operator when the encoder loads its own session (0 = its <see cref="CoreShare"/> of the cores).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Models served by this process at once; with <see cref="Workers"/> each, they split the cores a 0 <see cref="IntraOpThreads"/> resolves to.</summary>
    public int ModelsInProcess { get; init; } = 1;

    /// <summary>Texts admitted but not yet finished; beyond it callers get <see cref="EncoderOverloadedException"/>.</summary>
    public int QueueCapacity { get; init; } = 16384;

    /// <summary>Where the encoder's own session runs: the CPU, or a GPU through ORT's CUDA provider.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>Session options matching these settings (for loading a pipeline to batch).</summary>
    public OnnxSessionOptions SessionOptions() => new()
    {
        IntraOpThreads = IntraOpThreads,
        ConcurrentSessions = ModelsInProcess * Workers,
        ExecutionProvider = ExecutionProvider,
    };

    /// <summary>The intra-op threads each of this process's sessions gets with these settings.</summary>
    public int ResolvedIntraOpThreads => SessionOptions().ResolvedIntraOpThreads;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(BatchTokens >= 1, $"BatchTokens must be at least 1, got {BatchTokens}.");
        Require(MaxBatchSize >= 1, $"MaxBatchSize must be at least 1, got {MaxBatchSize}.");
        Require(MaxWait >= TimeSpan.Zero && MaxWait <= TimeSpan.FromMinutes(1), $"MaxWait must be between 0 and 1 minute, got {MaxWait}.");
        Require(SortWindow >= 1, $"SortWindow must be at least 1, got {SortWindow}.");
        Require(Workers >= 1, $"Workers must be at least 1, got {Workers}.");
        Require(IntraOpThreads >= 0, $"IntraOpThreads must be 0 (a share of the cores) or positive, got {IntraOpThreads}.");
        Require(ModelsInProcess >= 1, $"ModelsInProcess must be at least 1, got {ModelsInProcess}.");
        Require(QueueCapacity >= 1, $"QueueCapacity must be at least 1, got {QueueCapacity}.");
    }
}
