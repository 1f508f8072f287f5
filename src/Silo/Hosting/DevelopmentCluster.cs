using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Similarity.Grains.Contracts;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>
/// Several embedded silos of one process forming one cluster without PostgreSQL (the first is the primary the others
/// join through), and Orleans clients that reach them through their gateways over TCP, as a separate process would:
/// what benchmarks and tests of the cluster path run on.
/// </summary>
public sealed class DevelopmentCluster : IAsyncDisposable
{
    private readonly List<EmbeddedSilo> _silos = [];
    private readonly List<IHost> _clients = [];

    private DevelopmentCluster(string clusterId) => ClusterId = clusterId;

    public string ClusterId { get; }

    public IReadOnlyList<EmbeddedSilo> Silos => _silos;

    /// <summary>
    /// Starts <paramref name="count"/> silos, each with the options <paramref name="configure"/> gives for its index
    /// (models, device, batching); cluster id, ports and the primary silo are set here.
    /// </summary>
    public static async Task<DevelopmentCluster> StartAsync(
        int count, Action<int, SiloOptions> configure, IModelLoader? loader = null, LogLevel logLevel = LogLevel.Warning, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var cluster = new DevelopmentCluster("dev-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string? primary = null;
            for (var i = 0; i < count; i++)
            {
                var options = new SiloOptions { ClusterId = cluster.ClusterId, SiloPort = 0, GatewayPort = 0, SiloName = $"{cluster.ClusterId}-silo{i}" };
                configure(i, options);
                options.PrimarySilo = primary;
                var silo = await EmbeddedSilo.StartAsync(options, loader, logLevel, cancellationToken).ConfigureAwait(false);
                cluster._silos.Add(silo);
                primary ??= $"127.0.0.1:{silo.Settings.SiloPort}";
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A started Orleans client of this cluster, connected to every silo's gateway; disposed with the cluster.</summary>
    public async Task<IClusterClient> ConnectClientAsync(Action<IClientBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var gateways = _silos.Select(s => s.Settings.GatewayPort).ToArray();
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseLocalhostClustering(gateways, ClusterIdentity.ServiceId, ClusterId);
                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
                configure?.Invoke(client);
            })
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        _clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.StopAsync().ConfigureAwait(false);
            client.Dispose();
        }

        // The primary last: the others leave through it.
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await _silos[i].DisposeAsync().ConfigureAwait(false);
        }
    }
}
