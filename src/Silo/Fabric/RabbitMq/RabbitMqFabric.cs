using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// The fabric on RabbitMQ (official .NET client, async API): quorum work queues per (model, device class), direct
/// reply-to for replies, publisher confirms, manual acks after the work is done, a delivery limit with dead-lettering,
/// and automatic reconnection after the broker restarts. Connects on first use.
/// </summary>
public sealed class RabbitMqFabric : IGrainFabric
{
    private readonly RabbitMqFabricOptions _options;
    private readonly ILogger _logger;
    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RabbitMqQueueInspector _inspector;
    private IConnection? _connection;
    private RabbitMqCaller? _caller;
    private RabbitMqDeadLetterResponder? _deadLetters;
    private readonly List<IWorkSubscription> _subscriptions = [];
    private bool _disposed;

    public RabbitMqFabric(RabbitMqFabricOptions options, ILogger<RabbitMqFabric>? logger = null)
    {
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _factory = new ConnectionFactory
        {
            Uri = options.Broker,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedHeartbeat = TimeSpan.FromSeconds(20),
            ClientProvidedName = options.ConnectionName,
        };
        _inspector = new RabbitMqQueueInspector(options.ClusterId, options.ServedCheckLifetime);
    }

    public string Name => "rabbitmq";

    public async Task<T> CallAsync<T>(
        WorkerKey target, ReadOnlyMemory<byte> request, ReplyDecoder<T> decoder, CallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(options);
        if (request.Length > options.MaxRequestBytes)
        {
            throw FabricErrors.TooLarge(target, request.Length, options.MaxRequestBytes);
        }

        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (!connection.IsOpen)
        {
            throw FabricErrors.Unavailable(Name, "the broker connection is down; reconnecting");
        }

        try
        {
            await _inspector.EnsureServedAsync(connection, target, cancellationToken).ConfigureAwait(false);
            var caller = await CallerAsync(connection, cancellationToken).ConfigureAwait(false);
            return await caller.CallAsync(target, request, decoder, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e)
        {
            throw FabricErrors.Unavailable(Name, "the broker connection was interrupted", e);
        }
    }

    public async Task<IWorkSubscription> ServeAsync(WorkerKey key, IWorkHandler handler, WorkQueueOptions options, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _deadLetters ??= await RabbitMqDeadLetterResponder.StartAsync(connection, _options.ClusterId, _logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        var subscription = await RabbitMqSubscription.StartAsync(connection, _options.ClusterId, key, handler, options, _logger, cancellationToken)
            .ConfigureAwait(false);
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public async Task<WorkQueueSnapshot?> InspectAsync(WorkerKey key, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await _inspector.InspectAsync(connection, key, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        IWorkSubscription[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        if (_caller is not null)
        {
            await _caller.DisposeAsync().ConfigureAwait(false);
        }

        if (_deadLetters is not null)
        {
            await _deadLetters.DisposeAsync().ConfigureAwait(false);
        }

        await _inspector.DisposeAsync().ConfigureAwait(false);
        if (_connection is not null)
        {
            try
            {
                await _connection.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationInterruptedException or ObjectDisposedException)
            {
                _logger.LogDebug(e, "Broker connection was already closed");
            }

            _connection.Dispose();
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                try
                {
                    _connection = await _factory.CreateConnectionAsync(_options.ConnectionName, cancellationToken).ConfigureAwait(false);
                }
                catch (BrokerUnreachableException e)
                {
                    throw FabricErrors.Unavailable(Name, $"cannot reach the broker at {_options.Broker.Host}:{_options.Broker.Port}", e);
                }

                _connection.ConnectionShutdownAsync += OnConnectionShutdownAsync;
                _connection.RecoverySucceededAsync += OnRecoveredAsync;
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RabbitMqCaller> CallerAsync(IConnection connection, CancellationToken cancellationToken)
    {
        if (_caller is { IsOpen: true } caller)
        {
            return caller;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_caller is not { IsOpen: true })
            {
                if (_caller is not null)
                {
                    await _caller.DisposeAsync().ConfigureAwait(false);
                }

                _caller = await RabbitMqCaller.OpenAsync(connection, _options.ClusterId, _logger, cancellationToken).ConfigureAwait(false);
            }

            return _caller;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task OnConnectionShutdownAsync(object sender, ShutdownEventArgs reason)
    {
        if (!_disposed)
        {
            _logger.LogWarning("Broker connection lost ({Reason}); reconnecting", reason.ReplyText);
            _caller?.FailPending($"the broker connection was lost while waiting for a reply ({reason.ReplyText})");
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        _logger.LogInformation("Broker connection recovered");
        return Task.CompletedTask;
    }
}
