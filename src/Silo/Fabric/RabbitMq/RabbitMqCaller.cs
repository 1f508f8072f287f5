using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// The calling side on one channel: publishes requests with publisher confirms and a correlation id, and receives
/// replies through direct reply-to. A reply nobody waits for (a duplicate after a redelivery, or one past its deadline)
/// is dropped.
/// </summary>
internal sealed class RabbitMqCaller : IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly string _clusterId;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, IPendingReply> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<WorkerKey, string> _queueNames = new();
    private long _nextId;

    private RabbitMqCaller(IChannel channel, string clusterId, ILogger logger)
    {
        _channel = channel;
        _clusterId = clusterId;
        _logger = logger;
    }

    public bool IsOpen => _channel.IsOpen;

    public static async Task<RabbitMqCaller> OpenAsync(IConnection connection, string clusterId, ILogger logger, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken).ConfigureAwait(false);
        var caller = new RabbitMqCaller(channel, clusterId, logger);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += caller.OnReplyAsync;
        await channel.BasicConsumeAsync(RabbitMqTopology.DirectReplyTo, autoAck: true, consumer, cancellationToken).ConfigureAwait(false);
        return caller;
    }

    public async Task<T> CallAsync<T>(
        WorkerKey target, ReadOnlyMemory<byte> request, ReplyDecoder<T> decoder, CallOptions options, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString("x", CultureInfo.InvariantCulture);
        var pending = new PendingReply<T>(decoder);
        _pending[id] = pending;
        try
        {
            var now = DateTimeOffset.UtcNow;
            var deadline = now + options.Timeout;
            var properties = new BasicProperties
            {
                CorrelationId = id,
                ReplyTo = RabbitMqTopology.DirectReplyTo,
                DeliveryMode = DeliveryModes.Persistent,
                Expiration = Math.Max(1, (long)options.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                Headers = new Dictionary<string, object?>
                {
                    [RabbitMqTopology.DeadlineHeader] = deadline.ToUnixTimeMilliseconds(),
                    [RabbitMqTopology.SentAtHeader] = now.ToUnixTimeMilliseconds(),
                    [RabbitMqTopology.ModelHeader] = target.Model,
                    [RabbitMqTopology.DeviceHeader] = target.Device.Name(),
                },
            };

            // A cancelled publish can corrupt the client's confirm tracking, so the publish itself is never cancelled; the
            // caller stops waiting for its confirm at the deadline, and the publish owns a copy of the bytes it may outlive.
            var queue = _queueNames.GetOrAdd(target, static (key, cluster) => RabbitMqTopology.WorkQueue(cluster, key), _clusterId);
            var publish = _channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, request.ToArray(), CancellationToken.None).AsTask();
            try
            {
                await publish.WaitAsync(Deadline.Remaining(deadline), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                ObserveFault(publish);
                throw FabricErrors.DeadlineExceeded(target, options.Timeout);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ObserveFault(publish);
                throw;
            }
            catch (PublishException e) when (e.IsReturn)
            {
                throw FabricErrors.ModelNotServed(target);
            }
            catch (PublishException)
            {
                throw FabricErrors.Overloaded(target);
            }
            catch (OperationInterruptedException e)
            {
                throw FabricErrors.Unavailable("rabbitmq", "the broker connection was lost while sending a request", e);
            }

            return await pending.WaitAsync(target, deadline, options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Keeps a publish nobody waits for any more from surfacing as an unobserved task exception.</summary>
    private static void ObserveFault(Task publish) =>
        _ = publish.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Fails every waiting call: their replies were bound to a channel that no longer exists.</summary>
    public void FailPending(string reason)
    {
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.Fail(FabricErrors.Unavailable("rabbitmq", reason));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        FailPending("the client was closed");
        try
        {
            await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "Caller channel was already closed");
        }

        _channel.Dispose();
    }

    private Task OnReplyAsync(object sender, BasicDeliverEventArgs delivery)
    {
        if (delivery.BasicProperties.CorrelationId is { } id && _pending.TryRemove(id, out var pending))
        {
            pending.Complete(delivery.Body.Span);
        }

        return Task.CompletedTask;
    }
}
