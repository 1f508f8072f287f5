using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Fabric;

/// <summary>Runs one delivery through a handler with the fabric-independent rules for deadlines, aborts and failures.</summary>
internal static class WorkExecution
{
    public static async Task<WorkOutcome> RunAsync(
        IWorkHandler handler, WorkerKey key, WorkItem item, PooledBufferWriter reply, ILogger logger,
        CancellationToken abort, CancellationToken callerGone = default)
    {
        var remaining = item.Deadline - DateTimeOffset.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return WorkOutcome.Expired;
        }

        reply.Clear();
        using var deadline = new CancellationTokenSource(remaining);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, deadline.Token, callerGone);
        try
        {
            await handler.HandleAsync(item, reply, linked.Token).ConfigureAwait(false);
            return WorkOutcome.Replied;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return WorkOutcome.Retry;
        }
        catch (OperationCanceledException) when (callerGone.IsCancellationRequested)
        {
            return WorkOutcome.Abandoned;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return WorkOutcome.Expired;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Request to {Worker} failed on delivery {Delivery}; returning it to the queue", key, item.DeliveryCount);
            return WorkOutcome.Retry;
        }
    }
}
