using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric;

/// <summary>
/// Carries grain calls: request/response with correlation, deadlines and typed errors, over work queues keyed by
/// <see cref="WorkerKey"/>. Callers and silos use the same interface; grain code never sees which implementation
/// (in-memory or RabbitMQ) carries it.
/// </summary>
public interface IGrainFabric : IAsyncDisposable
{
    /// <summary>A short name for logs and status (<c>in-memory</c>, <c>rabbitmq</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Sends <paramref name="request"/> to a worker serving <paramref name="target"/> and decodes its reply with
    /// <paramref name="decoder"/>. Throws <see cref="Grains.Contracts.Errors.GrainException"/> subtypes: model not served,
    /// overloaded, request too large, deadline exceeded, dead-lettered, unavailable, or the worker's own error.
    /// </summary>
    Task<T> CallAsync<T>(WorkerKey target, ReadOnlyMemory<byte> request, ReplyDecoder<T> decoder, CallOptions options, CancellationToken cancellationToken = default);

    /// <summary>Starts consuming the work queue of <paramref name="key"/>, handing each request to <paramref name="handler"/>.</summary>
    Task<IWorkSubscription> ServeAsync(WorkerKey key, IWorkHandler handler, WorkQueueOptions options, CancellationToken cancellationToken = default);

    /// <summary>Depth and consumer count of a work queue; null when the queue does not exist.</summary>
    Task<WorkQueueSnapshot?> InspectAsync(WorkerKey key, CancellationToken cancellationToken = default);
}
