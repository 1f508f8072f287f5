using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// Free TCP ports for servers started by tests. They are picked below the kernel's ephemeral range: a port from that
/// range (what binding port 0 returns) can be taken as the source port of any outgoing connection in the seconds a
/// server takes to boot, and the server then fails to listen. Ports handed out once are not handed out again.
/// </summary>
public static class FreePort
{
    private const int Span = 16_000;
    private static readonly ConcurrentDictionary<int, bool> Given = new();

    public static int Next()
    {
        var high = EphemeralRangeStart();
        var low = Math.Max(1025, high - Span);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (Given.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free TCP port found in {low}-{high - 1} after 500 tries");
    }

    /// <summary>True once something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Nothing is bound to the port on any address (the servers bind loopback, Erlang's port mapper all addresses).</summary>
    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port the kernel hands out for outgoing connections (Linux: ip_local_port_range), 32768 if unknown.</summary>
    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture) is var start and > 2048 ? start : 32768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
