namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// How many intra-op threads one ONNX Runtime session gets: the count asked for, or (0) an equal share of the cores this
/// process may use among the sessions that run at once (models × inference workers), so that they split the machine
/// instead of oversubscribing it. ORT's own default takes one thread per physical core, which on a 2-vCPU VM is one.
/// </summary>
public readonly record struct CoreShare
{
    /// <summary>A share for <paramref name="requestedThreads"/> (0 = resolve) among <paramref name="sharers"/> concurrent sessions.</summary>
    public CoreShare(int requestedThreads, int sharers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestedThreads);
        ArgumentOutOfRangeException.ThrowIfLessThan(sharers, 1);
        RequestedThreads = requestedThreads;
        Sharers = sharers;
    }

    /// <summary>The cores this process may run on: .NET's count already respects CPU affinity and a cgroup CPU quota.</summary>
    public static int AvailableCores => Environment.ProcessorCount;

    /// <summary>Threads asked for; 0 means "my share of <see cref="AvailableCores"/>".</summary>
    public int RequestedThreads { get; }

    /// <summary>Sessions running at once in this process (models served × inference workers per model).</summary>
    public int Sharers { get; }

    /// <summary>The intra-op thread count for this process.</summary>
    public int Threads => Resolve(AvailableCores);

    /// <summary>The thread count on a process that may use <paramref name="availableCores"/> cores: never below one.</summary>
    public int Resolve(int availableCores) =>
        RequestedThreads > 0 ? RequestedThreads : Math.Max(1, Math.Max(1, availableCores) / Math.Max(1, Sharers));

    /// <summary>What 0 means on this machine, for <c>--help</c>.</summary>
    public static string DefaultDescription =>
        $"0 = the cores this process may use ({AvailableCores} here, affinity and cgroup quota respected), split evenly among the models and inference workers of the process";
}
