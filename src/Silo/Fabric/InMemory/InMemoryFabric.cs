using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.InMemory;

/// <summary>
/// The fabric for one process and no servers (the embedded default): work queues are bounded in-memory queues shared
/// by every silo and client holding this instance. Same contract as the RabbitMQ fabric: bounded admission, deadlines,
/// retries up to a delivery limit, dead-lettering.
/// </summary>
public sealed class InMemoryFabric(ILogger<InMemoryFabric>? logger = null) : IGrainFabric
{
    private readonly ConcurrentDictionary<WorkerKey, InMemoryWorkQueue> _queues = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public string Name => "in-memory";

    public async Task<T> CallAsync<T>(
        WorkerKey target, ReadOnlyMemory<byte> request, ReplyDecoder<T> decoder, CallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Length > options.MaxRequestBytes)
        {
            throw FabricErrors.TooLarge(target, request.Length, options.MaxRequestBytes);
        }

        if (!_queues.TryGetValue(target, out var queue) || queue.Consumers == 0)
        {
            throw FabricErrors.ModelNotServed(target);
        }

        var pending = new PendingReply<T>(decoder);
        var deadline = DateTimeOffset.UtcNow + options.Timeout;
        var delivery = new InMemoryDelivery(request.Span, pending, deadline, cancellationToken);
        if (!queue.TryPublish(delivery))
        {
            delivery.Release();
            throw FabricErrors.Overloaded(target);
        }

        return await pending.WaitAsync(target, deadline, options.Timeout, cancellationToken).ConfigureAwait(false);
    }

    public Task<IWorkSubscription> ServeAsync(WorkerKey key, IWorkHandler handler, WorkQueueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var queue = _queues.GetOrAdd(key, static (k, o) => new InMemoryWorkQueue(k, o), options);
        IWorkSubscription subscription = new InMemorySubscription(queue, handler, options.Prefetch, _logger);
        return Task.FromResult(subscription);
    }

    public Task<WorkQueueSnapshot?> InspectAsync(WorkerKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_queues.TryGetValue(key, out var queue) ? new WorkQueueSnapshot(queue.Depth, queue.Consumers) : (WorkQueueSnapshot?)null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
