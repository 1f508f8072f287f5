using System.Diagnostics;
using System.Globalization;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// A private PostgreSQL 15 for tests: a fresh cluster (initdb) in a temp folder, on a free loopback port, durability
/// switched off for speed. Runs as the <c>postgres</c> user when tests run as root (PostgreSQL refuses root). A server
/// that dies while starting is started again on a fresh port (see <see cref="ServerStartAttempts"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Name = "PostgreSQL";
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
            throw new ServerStartException(Name, $"PostgreSQL 15 is not installed ({Bin}/postgres missing); run scripts/setup.sh --servers", retryable: false);
        }

        return await ServerStartAttempts.StartAsync(
            Name,
            () => Task.FromResult(new PostgresServer(ServerFolder.Create("similarity-postgres-"), FreePort.Next())),
            server => server.StartOnceAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ServerFolder.Delete(_folder);
    }

    /// <summary>Stops the server (clients see their connections closed) and starts it again on the same data and port.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        await StopAsync();
        await Task.Delay(down);
        await RunAsync();
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

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

    private async Task StartOnceAsync()
    {
        await ServerCommand.ChownAsync(ServiceUser, _folder);
        string[] initdb = ["-D", DataPath, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"];
        try
        {
            await ServerCommand.RunAsync(ServiceUser, Path.Combine(Bin, "initdb"), initdb);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new ServerStartException(Name, $"initdb failed (as {User}, data {DataPath}): {e.Message}", retryable: false, e);
        }

        await RunAsync();
    }

    private async Task RunAsync()
    {
        string[] args =
        [
            "-D", DataPath, "-k", _folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            // Every test database gets connection pools of its own (silos, clients, providers); idle ones linger for minutes.
            "-c", "max_connections=500",
        ];
        try
        {
            _process = ServerCommand.StartServer(ServiceUser, Path.Combine(Bin, "postgres"), args, null, LogPath);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new ServerStartException(Name, $"could not run {Describe(args)}: {e.Message}", retryable: false, e);
        }

        await WaitUntilReadyAsync(args);
    }

    private static string User => ServerCommand.IsRoot ? ServiceUser : Environment.UserName;

    private static string Describe(string[] args) => $"'{Path.Combine(Bin, "postgres")} {string.Join(' ', args)}' (as {User})";

    private async Task WaitUntilReadyAsync(string[] args)
    {
        var ready = Path.Combine(Bin, "pg_isready");
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process is { HasExited: true })
            {
                throw new ServerStartException(Name, $"{Describe(args)} exited with {_process.ExitCode} while starting. Log:\n{ServerCommand.Tail(LogPath)}", retryable: true);
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

        throw new ServerStartException(Name, $"{Describe(args)} did not accept connections on port {Port} in time. Log:\n{ServerCommand.Tail(LogPath)}", retryable: false);
    }
}
