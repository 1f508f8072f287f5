using System.Diagnostics;
using System.Globalization;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// A private PostgreSQL 15 for tests: a fresh cluster (initdb) in a temp folder, on a free loopback port, durability
/// switched off for speed. Runs as the <c>postgres</c> user when tests run as root (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string _folder;
    private Process? _process;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string DataPath => Path.Combine(_folder, "data");

    public string LogPath => Path.Combine(_folder, "server.log");

    /// <summary>An Npgsql connection string for the <c>postgres</c> database (trust authentication on loopback).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=15";

    public static async Task<PostgresServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}/postgres missing); run scripts/setup.sh --servers");
        }

        var folder = Directory.CreateTempSubdirectory("similarity-postgres-").FullName;
        var server = new PostgresServer(folder, FreePort.Next());
        await ServerCommand.ChownAsync(ServiceUser, folder);
        try
        {
            await ServerCommand.RunAsync(
                ServiceUser, Path.Combine(Bin, "initdb"),
                ["-D", server.DataPath, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
            server._process = ServerCommand.StartServer(
                ServiceUser, Path.Combine(Bin, "postgres"),
                ["-D", server.DataPath, "-k", folder, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1",
                 "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
                null, server.LogPath);
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                await ServerCommand.RunAsync(ServiceUser, Path.Combine(Bin, "pg_ctl"), ["stop", "-D", DataPath, "-m", "fast", "-w"], timeout: TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var ready = Path.Combine(Bin, "pg_isready");
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"PostgreSQL exited during start-up:\n{ServerCommand.Tail(LogPath)}");
            }

            try
            {
                await ServerCommand.RunAsync(null, ready, ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-q"], timeout: TimeSpan.FromSeconds(5));
                return;
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not accept connections on port {Port}:\n{ServerCommand.Tail(LogPath)}");
    }
}
