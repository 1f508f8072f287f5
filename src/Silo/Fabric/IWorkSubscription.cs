using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric;

/// <summary>A silo's consumption of one work queue. Disposing stops it gracefully with a default drain time.</summary>
public interface IWorkSubscription : IAsyncDisposable
{
    WorkerKey Key { get; }

    /// <summary>Requests being handled right now (at most the prefetch).</summary>
    int InFlight { get; }

    /// <summary>Requests handled and acknowledged since the subscription started.</summary>
    long Completed { get; }

    /// <summary>
    /// Stops taking work, lets in-flight requests finish for up to <paramref name="drainTime"/>, then returns the rest
    /// to the queue so other silos take them.
    /// </summary>
    Task StopAsync(TimeSpan drainTime);
}
