namespace Similarity.TestSupport.Servers;

/// <summary>
/// Starts a test server again, on fresh ports and a fresh folder, when it died while starting: up to
/// <see cref="Limit"/> attempts, then one error that lists every attempt's failure.
/// </summary>
internal static class ServerStartAttempts
{
    public const int Limit = 3;

    /// <summary>
    /// <paramref name="prepare"/> makes a server not yet started; <paramref name="start"/> starts it. A server that fails
    /// to start is disposed; only a <see cref="ServerStartException.Retryable"/> failure is tried again.
    /// </summary>
    public static async Task<TServer> StartAsync<TServer>(string name, Func<Task<TServer>> prepare, Func<TServer, Task> start)
        where TServer : IAsyncDisposable
    {
        var earlier = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var server = await prepare();
            try
            {
                await start(server);
                return server;
            }
            catch (ServerStartException e) when (e.Retryable && attempt < Limit)
            {
                earlier.Add($"attempt {attempt}: {e.Message}");
                await server.DisposeAsync();
            }
            catch (ServerStartException e) when (earlier.Count > 0)
            {
                await server.DisposeAsync();
                throw new ServerStartException(name, $"{Limit} attempts failed; the last: {e.Message}\n{string.Join('\n', earlier)}", retryable: false, e);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }
}
