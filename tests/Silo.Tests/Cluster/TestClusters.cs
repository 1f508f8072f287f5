using Similarity.Silo.Calls;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;
using Similarity.Silo.Testing;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// Local clusters serving one model as "m", on the in-memory fabric or on the shared RabbitMQ and PostgreSQL servers,
/// so a fabric contract test reads the same on both. Each cluster gets a fresh cluster id: tests never see each other's queues.
/// </summary>
public sealed class TestClusters
{
    private readonly ClusterServers? _servers;

    private TestClusters(ClusterServers? servers) => _servers = servers;

    public static TestClusters InMemory { get; } = new(null);

    public static TestClusters On(ClusterServers servers) => new(servers);

    /// <summary>A cluster serving a test double (an encoder or a pair classifier) as "m".</summary>
    public Task<LocalCluster> StartAsync(
        object runtime, int silos = 2, Action<int, SiloOptions>? configure = null, GrainCallOptions? client = null, bool http = false) =>
        StartAsync(new TestModelLoader(), TestModelLoader.Register(runtime), silos, configure, client, http);

    /// <summary>A cluster serving a real fixture model as "m".</summary>
    public Task<LocalCluster> StartAsync(
        ClusterTestModel model, int silos = 2, Action<int, SiloOptions>? configure = null, GrainCallOptions? client = null, bool http = false) =>
        StartAsync(model.Loader, model.Folder, silos, configure, client, http);

    private Task<LocalCluster> StartAsync(
        IModelLoader loader, string folder, int silos, Action<int, SiloOptions>? configure, GrainCallOptions? client, bool http) =>
        LocalCluster.StartAsync(new LocalClusterOptions
        {
            Broker = _servers?.RabbitMq.Uri.ToString(),
            Postgres = _servers?.Postgres.ConnectionString,
            ModelLoader = loader,
            Models = { ["m"] = folder },
            InitialSilos = silos,
            ConfigureSilo = configure,
            ClientOptions = client ?? new GrainCallOptions { MaxItemsPerRequest = 8, Timeout = TimeSpan.FromSeconds(30) },
            Http = http,
        });
}
