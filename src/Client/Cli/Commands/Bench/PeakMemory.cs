using System.Diagnostics;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// The most memory this process held while a bench ran: the peak working set the OS kept, and the largest managed
/// heap seen by sampling every <see cref="Interval"/> (the live heap between collections, so a near-peak, not exact).
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Timer _timer;
    private long _heap;

    public PeakMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);

    /// <summary>The largest managed heap sampled so far, in bytes.</summary>
    public long Heap
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _heap);
        }
    }

    /// <summary>The process's peak working set since it started, in bytes.</summary>
    public static long WorkingSet
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        var seen = Interlocked.Read(ref _heap);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _heap, now, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
