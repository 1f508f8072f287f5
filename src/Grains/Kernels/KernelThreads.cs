using System.Collections.Concurrent;

namespace Similarity.Grains.Kernels;

/// <summary>
/// A fixed set of dedicated threads for a silo's kernel work (shard scans, tiles, score blocks). Minutes of scoring on
/// the .NET thread pool starve Orleans, which schedules its messages there: a 1M-row community run on 2 cores delayed
/// grain-directory lookups past their 30 s timeout while the pool grew to dozens of threads. Here the kernels of every
/// concurrent call share these threads (one per core), queued, and the pool stays free for Orleans.
/// </summary>
public sealed class KernelThreads : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread[] _threads;

    [ThreadStatic]
    private static KernelThreads? s_current;

    public KernelThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"similarity-kernel-{i}" };
            _threads[i].Start();
        }

        Options = new KernelOptions { MaxDegreeOfParallelism = threads, Scheduler = this };
    }

    /// <summary>Kernel options whose parallel work runs on these threads, as many at once as there are threads.</summary>
    public KernelOptions Options { get; }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="work"/> (given <see cref="Options"/>) on these threads.</summary>
    public Task<T> RunAsync<T>(Func<KernelOptions, T> work) =>
        Task.Factory.StartNew(() => work(Options), CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <summary>Inline on our own threads only: a kernel waiting for its parallel parts runs the ones not yet started itself.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        s_current == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        s_current = this;
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
