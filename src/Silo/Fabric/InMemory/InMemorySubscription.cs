using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Fabric.InMemory;

/// <summary>One silo consuming one in-memory work queue with up to <see cref="WorkQueueOptions.Prefetch"/> requests at once.</summary>
internal sealed class InMemorySubscription : IWorkSubscription
{
    private static readonly TimeSpan DefaultDrainTime = TimeSpan.FromSeconds(30);

    private readonly InMemoryWorkQueue _queue;
    private readonly IWorkHandler _handler;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly RunningWork _work = new();
    private readonly Task _loop;
    private long _completed;
    private int _stopped;

    public InMemorySubscription(InMemoryWorkQueue queue, IWorkHandler handler, int prefetch, ILogger logger)
    {
        _queue = queue;
        _handler = handler;
        _logger = logger;
        _slots = new SemaphoreSlim(prefetch, prefetch);
        _queue.AddConsumer();
        _loop = Task.Run(ConsumeAsync);
    }

    public WorkerKey Key => _queue.Key;

    public int InFlight => _work.Count;

    public long Completed => Interlocked.Read(ref _completed);

    public async Task StopAsync(TimeSpan drainTime)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            await _loop.ConfigureAwait(false);
            return;
        }

        _queue.RemoveConsumer();
        await _stopTaking.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);

        await _work.DrainAsync(drainTime).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync(DefaultDrainTime));

    private async Task ConsumeAsync()
    {
        var stop = _stopTaking.Token;
        while (!stop.IsCancellationRequested)
        {
            InMemoryDelivery delivery;
            try
            {
                await _slots.WaitAsync(stop).ConfigureAwait(false);
                try
                {
                    delivery = await _queue.TakeAsync(stop).ConfigureAwait(false);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _work.Track(HandleAsync(delivery));
        }
    }

    private async Task HandleAsync(InMemoryDelivery delivery)
    {
        await Task.Yield();
        using var reply = new PooledBufferWriter();
        try
        {
            delivery.DeliveryCount++;
            if (delivery.Reply.IsCompleted)
            {
                delivery.Release();
                return;
            }

            var item = new WorkItem(delivery.Body, delivery.DeliveryCount, delivery.SentAt, delivery.Deadline);
            var outcome = await WorkExecution.RunAsync(_handler, Key, item, reply, _logger, _work.Aborted, delivery.CallerGone).ConfigureAwait(false);
            switch (outcome)
            {
                case WorkOutcome.Replied:
                    delivery.Reply.Complete(reply.WrittenSpan);
                    Interlocked.Increment(ref _completed);
                    delivery.Release();
                    break;
                case WorkOutcome.Retry when delivery.DeliveryCount > _queue.Options.DeliveryLimit:
                    delivery.Reply.Fail(FabricErrors.DeadLettered(Key, delivery.DeliveryCount));
                    delivery.Release();
                    break;
                case WorkOutcome.Retry:
                    _queue.Return(delivery);
                    break;
                default:
                    delivery.Release();
                    break;
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}
