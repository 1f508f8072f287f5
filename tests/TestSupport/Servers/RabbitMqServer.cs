using System.Diagnostics;
using System.Globalization;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// A private RabbitMQ node for tests: the Debian package's server on a free loopback port, with its own data, log and
/// Erlang port-mapper (so it never meets another node), the management plugin off. Restartable in place. A node that
/// dies while booting is started again on fresh ports (see <see cref="ServerStartAttempts"/>).
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Name = "RabbitMQ";
    private const string ServiceUser = "rabbitmq";
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Control = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    private RabbitMqServer(string folder, int port, int distributionPort, int mapperPort)
    {
        _folder = folder;
        Port = port;
        MapperPort = mapperPort;
        NodeName = $"similarity-test-{port}@localhost";
        _environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(folder, "home"),
            ["ERL_EPMD_PORT"] = mapperPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        };
    }

    public int Port { get; }

    public int MapperPort { get; }

    public string NodeName { get; }

    /// <summary>The broker URI with the default guest account (allowed on loopback).</summary>
    public Uri Uri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    public string LogPath => Path.Combine(_folder, "server.log");

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (!File.Exists(Server))
        {
            throw new ServerStartException(Name, $"it is not installed ({Server} missing); run scripts/setup.sh --servers", retryable: false);
        }

        return await ServerStartAttempts.StartAsync(Name, PrepareAsync, server => server.StartNodeAsync());
    }

    /// <summary>A data folder, fresh ports and the configuration files for one node, not yet started.</summary>
    private static async Task<RabbitMqServer> PrepareAsync()
    {
        var folder = ServerFolder.Create("similarity-rabbitmq-");
        foreach (var sub in (string[])["home", "mnesia", "log"])
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var port = FreePort.Next();
        var server = new RabbitMqServer(folder, port, FreePort.Next(), FreePort.Next());
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n");
        // The server and rabbitmqctl must share a cookie; writing it first avoids both racing to create one.
        var cookie = Path.Combine(folder, "home", ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Guid.NewGuid().ToString("N").ToUpperInvariant());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{port}
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        await ServerCommand.ChownAsync(ServiceUser, folder);
        return server;
    }

    /// <summary>Stops the node cleanly (durable queues and their messages survive).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            await ServerCommand.RunAsync(ServiceUser, Control, ["-n", NodeName, "shutdown"], _environment, TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Stops and starts the node on the same port and data, as an operator's restart would.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartNodeAsync();
    }

    /// <summary>
    /// Sets the memory high watermark (a fraction of RAM). 0 raises the memory alarm at once: the node stops reading from
    /// every connection that publishes, as it does when it runs out of memory; 0.4 is the default.
    /// </summary>
    public Task SetMemoryWatermarkAsync(double fraction) =>
        ServerCommand.RunAsync(
            ServiceUser, Control, ["-n", NodeName, "set_vm_memory_high_watermark", fraction.ToString(CultureInfo.InvariantCulture)], _environment, TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            await ServerCommand.RunAsync(null, "epmd", ["-port", MapperPort.ToString(CultureInfo.InvariantCulture), "-kill"], timeout: TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // No port mapper left running, nothing to stop.
        }

        ServerFolder.Delete(_folder);
    }

    private async Task StartNodeAsync()
    {
        try
        {
            _process = ServerCommand.StartServer(ServiceUser, Server, [], _environment, LogPath);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new ServerStartException(Name, $"could not run {Describe()}: {e.Message}", retryable: false, e);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!await FreePort.IsListeningAsync(Port))
        {
            if (_process.HasExited)
            {
                throw new ServerStartException(Name, $"{Describe()} exited with {_process.ExitCode} while booting. Log:\n{ServerCommand.Tail(LogPath)}", retryable: true);
            }

            if (timeout.IsCancellationRequested)
            {
                throw new ServerStartException(Name, $"{Describe()} did not listen within 120 s. Log:\n{ServerCommand.Tail(LogPath)}", retryable: false);
            }

            await Task.Delay(100);
        }

        try
        {
            await ServerCommand.RunAsync(ServiceUser, Control, ["-n", NodeName, "await_startup", "--timeout", "60"], _environment, TimeSpan.FromSeconds(90));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw new ServerStartException(
                Name, $"{Describe()} listens but did not finish booting ({e.Message}). Log:\n{ServerCommand.Tail(LogPath)}", retryable: _process.HasExited, e);
        }
    }

    /// <summary>The command and everything that identifies this node, for messages.</summary>
    private string Describe() =>
        $"'{Server}' (as {(ServerCommand.IsRoot ? ServiceUser : Environment.UserName)}; node {NodeName}, AMQP port {Port}, "
        + $"distribution port {_environment["RABBITMQ_DIST_PORT"]}, port mapper {MapperPort}; data {_folder})";
}
