using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Similarity.Silo.Hosting;

/// <summary>
/// A silo's options checked and made concrete: its name, the address it advertises, real port numbers where the options
/// said "any free port" (0), and the HTTP endpoint it binds and publishes. Everything Orleans and Kestrel are built from.
/// </summary>
public sealed record SiloSettings(
    SiloOptions Options,
    string Name,
    IPAddress AdvertisedAddress,
    int SiloPort,
    int GatewayPort,
    IPEndPoint? PrimarySilo,
    HttpEndpoint? Http)
{
    /// <summary>Binds the <c>Silo</c> section and validates it; every problem is listed in one <see cref="OptionsValidationException"/>.</summary>
    public static SiloSettings Read(IConfiguration configuration)
    {
        var options = new SiloOptions();
        configuration.GetSection(SiloOptions.Section).Bind(options);
        var result = new SiloOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions), result.Failures);
        }

        return From(options);
    }

    /// <summary>Makes validated <paramref name="options"/> concrete.</summary>
    public static SiloSettings From(SiloOptions options)
    {
        var advertised = options.AdvertisedAddress is { } configured
            ? IPAddress.Parse(configured)
            : Environment.GetEnvironmentVariable("POD_IP") is { Length: > 0 } podIp && IPAddress.TryParse(podIp, out var pod)
                ? pod
                : options.IsEmbedded ? IPAddress.Loopback : HostAddress();
        var name = options.SiloName ?? DefaultName();
        var siloPort = options.SiloPort == 0 ? FreePort() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort(siloPort) : options.GatewayPort;
        var primary = options.PrimarySilo is { } primarySilo ? IPEndPoint.Parse(primarySilo) : null;
        HttpEndpoint? http = null;
        if (options.Http is { } listen)
        {
            var address = ListenAddress.Parse(listen);
            var port = address.Port == 0 ? FreePort(siloPort, gatewayPort) : address.Port;
            var bind = new IPEndPoint(address.IPAddress ?? IPAddress.Any, port);
            var published = bind.Address.Equals(IPAddress.Any) || bind.Address.Equals(IPAddress.IPv6Any) ? advertised : bind.Address;
            http = new HttpEndpoint(bind, new Uri($"http://{new IPEndPoint(published, port)}"));
        }

        return new SiloSettings(options, name, advertised, siloPort, gatewayPort, primary, http);
    }

    /// <summary><c>POD_NAME</c> in Kubernetes, else host and process id.</summary>
    private static string DefaultName() =>
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } podName
            ? podName
            : $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}";

    /// <summary>This host's first IPv4 address on an interface that is up and not loopback; loopback on a machine without one.</summary>
    private static IPAddress HostAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
        ?? IPAddress.Loopback;

    /// <summary>A TCP port free right now on loopback, for silos that asked for "any" (0): Orleans needs a number up front.</summary>
    private static int FreePort(params int[] taken)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }
}

/// <summary>Where a silo's HTTP API listens, and the address it publishes for other silos and tools.</summary>
public sealed record HttpEndpoint(IPEndPoint Bind, Uri Published);
