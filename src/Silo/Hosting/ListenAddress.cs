using System.Globalization;
using System.Net;

namespace Similarity.Silo.Hosting;

/// <summary>A <c>HOST:PORT</c> to listen on (<c>0.0.0.0:8080</c>, <c>127.0.0.1:0</c>, <c>[::]:8080</c>, <c>localhost:8080</c>).</summary>
public sealed record ListenAddress(string Host, int Port)
{
    public static ListenAddress Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"--http '{value}' must look like HOST:PORT (e.g. 0.0.0.0:8080)");
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host != "localhost" && host != "*" && !IPAddress.TryParse(host, out _))
        {
            throw new FormatException($"--http '{value}': host must be an IP address, '*' or localhost");
        }

        return new ListenAddress(host, port);
    }

    /// <summary>The address to bind, or null for "every interface".</summary>
    public IPAddress? IPAddress => Host switch
    {
        "*" => null,
        "localhost" => IPAddress.Loopback,
        _ => IPAddress.Parse(Host),
    };
}
