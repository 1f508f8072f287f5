using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// Asks the broker about work queues with passive declares: whether a queue exists, its depth and its consumers.
/// A passive declare of a missing queue closes the channel, so the channel is reopened as needed.
/// </summary>
internal sealed class RabbitMqQueueInspector(string clusterId, TimeSpan servedLifetime) : IAsyncDisposable
{
    private const int NotFound = 404;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<WorkerKey, long> _servedUntil = new();
    private IChannel? _channel;

    public async Task<WorkQueueSnapshot?> InspectAsync(IConnection connection, WorkerKey key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                _channel?.Dispose();
                _channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var ok = await _channel.QueueDeclarePassiveAsync(RabbitMqTopology.WorkQueue(clusterId, key), cancellationToken).ConfigureAwait(false);
            var snapshot = new WorkQueueSnapshot(ok.MessageCount, (int)ok.ConsumerCount);
            if (snapshot.Consumers > 0)
            {
                _servedUntil[key] = Environment.TickCount64 + (long)servedLifetime.TotalMilliseconds;
            }

            return snapshot;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fails fast, naming the model, when no silo consumes the key's queue (answers are cached briefly).</summary>
    public async Task EnsureServedAsync(IConnection connection, WorkerKey key, CancellationToken cancellationToken)
    {
        if (_servedUntil.TryGetValue(key, out var until) && Environment.TickCount64 < until)
        {
            return;
        }

        if (await InspectAsync(connection, key, cancellationToken).ConfigureAwait(false) is not { Consumers: > 0 })
        {
            throw FabricErrors.ModelNotServed(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { IsOpen: true } channel)
        {
            try
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
            catch (OperationInterruptedException)
            {
            }
        }

        _channel?.Dispose();
    }
}
