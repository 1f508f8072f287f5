using Similarity.Grains.Kernels;

namespace Similarity.Grains.Corpora.Shards;

/// <summary>
/// The process's cores as shard scans share them: every scan's kernel threads run on one scheduler that runs at most
/// one thread per core. A search reaches every shard of every silo in a process at once, and each scan's kernels
/// would otherwise take all the cores: four scans on two cores ran eight threads. A lone scan still gets every core,
/// and scans that overlap take turns a loop slice at a time, so none waits for another to finish.
/// </summary>
internal static class ScanCores
{
    private static readonly ConcurrentExclusiveSchedulerPair Cores = new(TaskScheduler.Default, Environment.ProcessorCount);

    /// <summary>Kernel options for a shard scan: all cores, shared with the scans running at the same time.</summary>
    public static KernelOptions Options { get; } = KernelOptions.Default with { Scheduler = Cores.ConcurrentScheduler };

    /// <summary>Runs <paramref name="scan"/> off the Orleans scheduler; its kernels' threads run on the shared cores.</summary>
    public static Task<T> RunAsync<T>(Func<KernelOptions, T> scan) => Task.Run(() => scan(Options));
}
