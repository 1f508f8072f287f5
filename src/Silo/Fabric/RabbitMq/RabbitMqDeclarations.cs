using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// Opens a channel and sets a queue up on it. When silos start together, one may consume a quorum queue that another
/// has just declared before its Raft member runs; RabbitMQ 3.10 then fails the consume with INTERNAL_ERROR (noproc)
/// and closes the whole connection. Such failures are retried once the connection has recovered.
/// </summary>
internal static class RabbitMqDeclarations
{
    private const int InternalError = 541;
    private const int Attempts = 10;

    public static async Task<(IChannel Channel, T Result)> OpenAsync<T>(
        IConnection connection, CreateChannelOptions options, Func<IChannel, Task<T>> setUp, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            IChannel channel;
            try
            {
                channel = await connection.CreateChannelAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (AlreadyClosedException) when (attempt < Attempts)
            {
                await WaitUntilOpenAsync(connection, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                return (channel, await setUp(channel).ConfigureAwait(false));
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == InternalError && attempt < Attempts)
            {
                channel.Dispose();
                await Task.Delay(100 * attempt, cancellationToken).ConfigureAwait(false);
                await WaitUntilOpenAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                channel.Dispose();
                throw;
            }
        }
    }

    private static async Task WaitUntilOpenAsync(IConnection connection, CancellationToken cancellationToken)
    {
        for (var waited = 0; !connection.IsOpen && waited < 30_000; waited += 50)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}
