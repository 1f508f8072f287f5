using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.InMemory;

/// <summary>
/// A bounded work queue shared by every silo serving one key: new requests past <see cref="WorkQueueOptions.MaxLength"/>
/// are refused, returned requests go to the front, and waiting consumers are served in turn.
/// </summary>
internal sealed class InMemoryWorkQueue(WorkerKey key, WorkQueueOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<InMemoryDelivery> _returned = new();
    private readonly Queue<InMemoryDelivery> _ready = new();
    private readonly Queue<TaskCompletionSource<InMemoryDelivery>> _waiters = new();
    private int _consumers;

    public WorkerKey Key { get; } = key;

    public WorkQueueOptions Options { get; } = options;

    public int Consumers => Volatile.Read(ref _consumers);

    public long Depth
    {
        get
        {
            lock (_gate)
            {
                return _returned.Count + _ready.Count;
            }
        }
    }

    public void AddConsumer() => Interlocked.Increment(ref _consumers);

    public void RemoveConsumer() => Interlocked.Decrement(ref _consumers);

    /// <summary>Admits a new request, or returns false when the queue is full.</summary>
    public bool TryPublish(InMemoryDelivery delivery)
    {
        lock (_gate)
        {
            if (HandToWaiter(delivery))
            {
                return true;
            }

            if (_returned.Count + _ready.Count >= Options.MaxLength)
            {
                return false;
            }

            _ready.Enqueue(delivery);
            return true;
        }
    }

    /// <summary>Puts a request back at the front for another attempt; never refused, like a broker requeue.</summary>
    public void Return(InMemoryDelivery delivery)
    {
        lock (_gate)
        {
            if (!HandToWaiter(delivery))
            {
                _returned.Enqueue(delivery);
            }
        }
    }

    public Task<InMemoryDelivery> TakeAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<InMemoryDelivery> waiter;
        lock (_gate)
        {
            if (_returned.TryDequeue(out var returned))
            {
                return Task.FromResult(returned);
            }

            if (_ready.TryDequeue(out var ready))
            {
                return Task.FromResult(ready);
            }

            waiter = new TaskCompletionSource<InMemoryDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
    }

    /// <summary>
    /// Cancelling fails the waiter itself, so it is skipped when work arrives; the registration ends with the wait, or
    /// every wait would leave one behind on the consumer's long-lived token.
    /// </summary>
    private static async Task<InMemoryDelivery> WaitAsync(TaskCompletionSource<InMemoryDelivery> waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(
            static state => ((TaskCompletionSource<InMemoryDelivery>)state!).TrySetCanceled(), waiter);
        return await waiter.Task.ConfigureAwait(false);
    }

    private bool HandToWaiter(InMemoryDelivery delivery)
    {
        while (_waiters.TryDequeue(out var waiter))
        {
            if (waiter.TrySetResult(delivery))
            {
                return true;
            }
        }

        return false;
    }
}
