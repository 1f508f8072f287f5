using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Similarity.Silo.Schema;
using Similarity.TestSupport.Servers;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// Two Orleans silos in this process and a client, all on one freshly migrated database and nothing else: ADO.NET
/// clustering (the client finds the silos through the gateway query), grain storage, reminders and streams.
/// </summary>
public sealed class ClusterOnSchema : IAsyncLifetime
{
    public const string ClusterId = "schema-test";
    public const string ServiceId = "similarity-schema-test";
    public const string StateStore = "state";
    public const string StreamProvider = "ingest";

    private readonly PostgresDatabases _databases = new();
    private readonly List<IHost> _silos = [];
    private IHost? _client;

    public string Database { get; private set; } = "";

    public IReadOnlyList<IHost> Silos => _silos;

    public IReadOnlyList<int> GatewayPorts { get; private set; } = [];

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync()
    {
        await _databases.InitializeAsync();
        Database = await _databases.CreateAsync();
        await ClusterSchema.MigrateAsync(Database, default);

        var ports = Enumerable.Range(0, 2).Select(_ => (Silo: FreePort.Next(), Gateway: FreePort.Next())).ToArray();
        GatewayPorts = ports.Select(p => p.Gateway).ToArray();
        _silos.AddRange(ports.Select(p => Silo(p.Silo, p.Gateway)));
        await Task.WhenAll(_silos.Select(s => s.StartAsync()));

        _client = new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(Identify)
                .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database))
                .AddAdoNetStreams(StreamProvider, o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database)))
            .Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        await Task.WhenAll(_silos.Select(s => s.StopAsync()));
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        await _databases.DisposeAsync();
    }

    private IHost Silo(int siloPort, int gatewayPort) => new HostBuilder()
        .UseOrleans(silo => silo
            .Configure<ClusterOptions>(Identify)
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database))
            .AddAdoNetGrainStorage(StateStore, o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database))
            .AddAdoNetGrainStorage("PubSubStore", o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database))
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
            .AddAdoNetStreams(StreamProvider, o => (o.Invariant, o.ConnectionString) = (ClusterSchema.Invariant, Database)))
        .Build();

    private static void Identify(ClusterOptions options) => (options.ClusterId, options.ServiceId) = (ClusterId, ServiceId);
}
