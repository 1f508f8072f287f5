using System.Buffers;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Similarity.Grains.Contracts;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// A silo consuming one quorum work queue. Up to the prefetch count of requests run at once (so the encoder can batch
/// across them); each is acknowledged only after its reply is confirmed, so a silo that dies mid-request leaves it
/// to be redelivered. Failures are nacked back to the queue, where the delivery limit bounds retries.
/// </summary>
internal sealed class RabbitMqSubscription : IWorkSubscription
{
    private static readonly TimeSpan DefaultDrainTime = TimeSpan.FromSeconds(30);

    private readonly IChannel _channel;
    private readonly IWorkHandler _handler;
    private readonly ILogger _logger;
    private readonly RunningWork _work = new();
    private string? _consumerTag;
    private long _completed;
    private volatile bool _stopping;
    private int _stopped;

    private RabbitMqSubscription(IChannel channel, WorkerKey key, IWorkHandler handler, ILogger logger)
    {
        _channel = channel;
        Key = key;
        _handler = handler;
        _logger = logger;
    }

    public WorkerKey Key { get; }

    public int InFlight => _work.Count;

    public long Completed => Interlocked.Read(ref _completed);

    public static async Task<RabbitMqSubscription> StartAsync(
        IConnection connection, string clusterId, WorkerKey key, IWorkHandler handler, WorkQueueOptions options, ILogger logger,
        CancellationToken cancellationToken)
    {
        var queue = RabbitMqTopology.WorkQueue(clusterId, key);
        RabbitMqSubscription? subscription = null;
        try
        {
            await RabbitMqDeclarations.OpenAsync(
                connection,
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                async channel =>
                {
                    await channel.QueueDeclareAsync(
                        queue, durable: true, exclusive: false, autoDelete: false, RabbitMqTopology.WorkQueueArguments(clusterId, options),
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    await channel.BasicQosAsync(0, (ushort)options.Prefetch, global: false, cancellationToken).ConfigureAwait(false);
                    subscription = new RabbitMqSubscription(channel, key, handler, logger);
                    var consumer = new AsyncEventingBasicConsumer(channel);
                    consumer.ReceivedAsync += subscription.OnDeliveryAsync;
                    subscription._consumerTag = await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
                    return subscription._consumerTag;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 406)
        {
            throw new InvalidOperationException(
                $"work queue '{queue}' exists with other settings (max length, delivery limit); all silos of cluster '{clusterId}' must agree: {e.ShutdownReason.ReplyText}", e);
        }

        return subscription!;
    }

    public async Task StopAsync(TimeSpan drainTime)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping = true;
        if (_consumerTag is { } tag && _channel.IsOpen)
        {
            try
            {
                await _channel.BasicCancelAsync(tag).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException)
            {
                _logger.LogDebug(e, "Cancelling the consumer of {Worker} failed; closing the channel returns its work anyway", Key);
            }
        }

        await _work.DrainAsync(drainTime).ConfigureAwait(false);

        try
        {
            // Closing returns every unacknowledged delivery to the queue.
            await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "Channel of {Worker} was already closed", Key);
        }

        _channel.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync(DefaultDrainTime));

    private Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        // The body is only valid during this callback: copy it, then let the handler run concurrently with others.
        var body = ArrayPool<byte>.Shared.Rent(delivery.Body.Length);
        delivery.Body.Span.CopyTo(body);
        var properties = delivery.BasicProperties;
        var headers = properties.Headers;
        var message = new Delivery(
            delivery.DeliveryTag,
            body,
            delivery.Body.Length,
            properties.ReplyTo,
            properties.CorrelationId,
            (int)(AmqpHeaders.ReadLong(headers, "x-delivery-count") ?? 0) + 1,
            AmqpHeaders.ReadTime(headers, RabbitMqTopology.SentAtHeader) ?? DateTimeOffset.UtcNow,
            AmqpHeaders.ReadTime(headers, RabbitMqTopology.DeadlineHeader) ?? DateTimeOffset.UtcNow + CallOptions.Default.Timeout);
        _work.Track(ProcessAsync(message));
        return Task.CompletedTask;
    }

    private async Task ProcessAsync(Delivery delivery)
    {
        await Task.Yield();
        using var reply = new PooledBufferWriter();
        var settling = false;
        try
        {
            if (_stopping)
            {
                settling = true;
                await SettleAsync(delivery, ack: false).ConfigureAwait(false);
                return;
            }

            var item = new WorkItem(delivery.Body.AsMemory(0, delivery.Length), delivery.DeliveryCount, delivery.SentAt, delivery.Deadline);
            var outcome = await WorkExecution.RunAsync(_handler, Key, item, reply, _logger, _work.Aborted).ConfigureAwait(false);
            if (outcome == WorkOutcome.Replied && delivery.ReplyTo is { Length: > 0 } replyTo)
            {
                await PublishReplyAsync(replyTo, delivery.CorrelationId, reply.WrittenMemory).ConfigureAwait(false);
            }

            settling = true;
            await SettleAsync(delivery, ack: outcome != WorkOutcome.Retry).ConfigureAwait(false);
            if (outcome == WorkOutcome.Replied)
            {
                Interlocked.Increment(ref _completed);
            }
        }
        catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException or PublishException)
        {
            // The channel is gone: the broker returns the request to the queue for another silo.
            _logger.LogWarning(e, "Lost the channel of {Worker} mid-request; the broker will redeliver it", Key);
        }
        catch (Exception e) when (!settling)
        {
            // Nothing may strand a delivery unacknowledged on a live channel: its caller would wait out the whole deadline.
            _logger.LogError(e, "Replying to a request of {Worker} failed; returning it to the queue", Key);
            await ReturnToQueueAsync(delivery).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The ack or nack may have reached the broker; settling the tag again would make it close the channel.
            _logger.LogError(e, "Settling a request of {Worker} failed; the broker keeps it until the channel closes", Key);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(delivery.Body);
        }
    }

    private async Task PublishReplyAsync(string replyTo, string? correlationId, ReadOnlyMemory<byte> reply)
    {
        var properties = new BasicProperties { CorrelationId = correlationId };
        await _channel.BasicPublishAsync(string.Empty, replyTo, mandatory: false, properties, reply, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task SettleAsync(Delivery delivery, bool ack)
    {
        if (ack)
        {
            await _channel.BasicAckAsync(delivery.Tag, multiple: false).ConfigureAwait(false);
        }
        else
        {
            await _channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: true).ConfigureAwait(false);
        }
    }

    private async Task ReturnToQueueAsync(Delivery delivery)
    {
        try
        {
            await SettleAsync(delivery, ack: false).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A channel that cannot nack is closing; the broker returns its deliveries to the queue when it goes.
            _logger.LogError(e, "Could not return a request of {Worker} to the queue", Key);
        }
    }

    private sealed record Delivery(
        ulong Tag, byte[] Body, int Length, string? ReplyTo, string? CorrelationId, int DeliveryCount, DateTimeOffset SentAt, DateTimeOffset Deadline);
}
