using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// Silos of a real cluster on PostgreSQL, hosted in this process exactly as <c>simctl silo --cluster</c> builds them
/// (schema migration, ADO.NET membership, gateways listed in the database): what CLI runs with <c>--cluster</c> reach.
/// </summary>
public sealed class PostgresSilos : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private PostgresSilos(string connection, string clusterId) => (Connection, ClusterId) = (connection, clusterId);

    /// <summary>The cluster's connection string (<c>--cluster</c>).</summary>
    public string Connection { get; }

    public string ClusterId { get; }

    public IReadOnlyList<IHost> Hosts => _hosts;

    /// <summary>Starts <paramref name="count"/> silos serving <paramref name="models"/> (NAME → DIR) in the database <paramref name="connection"/>.</summary>
    public static async Task<PostgresSilos> StartAsync(string connection, int count, IReadOnlyDictionary<string, string> models)
    {
        var silos = new PostgresSilos(connection, "pg-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Silo:Cluster"] = connection,
                    ["Silo:ClusterId"] = silos.ClusterId,
                    ["Silo:SiloName"] = $"{silos.ClusterId}-silo{i}",
                    ["Silo:AdvertisedAddress"] = "127.0.0.1",
                    ["Silo:SiloPort"] = "0",
                    ["Silo:GatewayPort"] = "0",
                    ["Logging:LogLevel:Default"] = "Warning",
                };
                foreach (var (name, folder) in models)
                {
                    settings[$"Silo:Models:{name}"] = folder;
                }

                var host = SiloHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
                silos._hosts.Add(host);
                await host.StartAsync();
            }

            return silos;
        }
        catch
        {
            await silos.DisposeAsync();
            throw;
        }
    }

    /// <summary>The <c>--cluster CONN --cluster-id ID</c> arguments that reach these silos.</summary>
    public string[] Arguments => ["--cluster", Connection, "--cluster-id", ClusterId];

    public T Service<T>(int silo)
        where T : notnull => _hosts[silo].Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync();
            _hosts[i].Dispose();
        }
    }
}
