using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// Consumes the cluster's dead-letter queue and answers each dead letter's caller with a typed error (dead-lettered
/// after the delivery limit, or deadline exceeded), so a poison request ends in an error rather than a hang.
/// </summary>
internal sealed class RabbitMqDeadLetterResponder : IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly ILogger _logger;

    private RabbitMqDeadLetterResponder(IChannel channel, ILogger logger)
    {
        _channel = channel;
        _logger = logger;
    }

    public static async Task<RabbitMqDeadLetterResponder> StartAsync(IConnection connection, string clusterId, ILogger logger, CancellationToken cancellationToken)
    {
        var queue = RabbitMqTopology.DeadLetterQueue(clusterId);
        RabbitMqDeadLetterResponder? responder = null;
        await RabbitMqDeclarations.OpenAsync(
            connection,
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            async channel =>
            {
                await channel.QueueDeclareAsync(
                    queue, durable: true, exclusive: false, autoDelete: false, RabbitMqTopology.DeadLetterQueueArguments(),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                await channel.BasicQosAsync(0, 16, global: false, cancellationToken).ConfigureAwait(false);
                responder = new RabbitMqDeadLetterResponder(channel, logger);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += responder.OnDeadLetterAsync;
                return await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return responder!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "Dead-letter channel was already closed");
        }

        _channel.Dispose();
    }

    private async Task OnDeadLetterAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        var headers = properties.Headers;
        var reason = AmqpHeaders.ReadString(headers, "x-first-death-reason") ?? FirstDeathReason(headers) ?? "unknown";
        var model = AmqpHeaders.ReadString(headers, RabbitMqTopology.ModelHeader);
        var device = AmqpHeaders.ReadString(headers, RabbitMqTopology.DeviceHeader);
        _logger.LogWarning("Dead letter for model {Model} on {Device}: {Reason}", model, device, reason);
        try
        {
            if (properties.ReplyTo is { Length: > 0 } replyTo && model is not null && ModelNames.IsValid(model))
            {
                var key = new WorkerKey(model, device is null ? DeviceClass.Cpu : DeviceClassNames.Parse(device));
                var deliveries = (int)(AmqpHeaders.ReadLong(headers, "x-delivery-count") ?? 0);
                GrainException error = reason switch
                {
                    "expired" => new DeadlineExceededException($"request to model '{key.Model}' on {key.Device.Name()} expired in its queue before a silo took it"),
                    "maxlen" => FabricErrors.Overloaded(key),
                    _ => FabricErrors.DeadLettered(key, deliveries),
                };
                using var reply = new PooledBufferWriter(256);
                ReplyCodec.WriteError(reply, error);
                await _channel.BasicPublishAsync(
                    string.Empty, replyTo, mandatory: false, new BasicProperties { CorrelationId = properties.CorrelationId }, reply.WrittenMemory,
                    CancellationToken.None).ConfigureAwait(false);
            }

            await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationInterruptedException or PublishException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "Could not answer a dead letter; it stays queued");
        }
    }

    private static string? FirstDeathReason(IDictionary<string, object?>? headers) =>
        FirstDeath(headers) is { } death && death.TryGetValue("reason", out var reason) ? AmqpHeaders.AsString(reason) : null;

    private static IDictionary<string, object?>? FirstDeath(IDictionary<string, object?>? headers) =>
        headers is not null && headers.TryGetValue("x-death", out var deaths) && deaths is IList<object?> { Count: > 0 } list
            ? list[0] as IDictionary<string, object?>
            : null;
}
