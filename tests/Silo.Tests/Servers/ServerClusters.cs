using Similarity.Silo.Calls;
using Similarity.Silo.Hosting;
using Similarity.Silo.Testing;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>Local clusters on the shared servers: each gets a fresh cluster id, so tests never see each other's queues.</summary>
internal static class ServerClusters
{
    public static Task<LocalCluster> StartAsync(
        ClusterServers servers, object runtime, int silos = 2, Action<int, SiloOptions>? configure = null, GrainCallOptions? client = null, bool http = false) =>
        StartAsync(servers, new TestModelLoader(), TestModelLoader.Register(runtime), silos, configure, client, http);

    /// <summary>A cluster serving a real fixture model as "m".</summary>
    public static Task<LocalCluster> StartAsync(
        ClusterServers servers, ClusterTestModel model, int silos = 2, Action<int, SiloOptions>? configure = null, GrainCallOptions? client = null, bool http = false) =>
        StartAsync(servers, model.Loader, model.Folder, silos, configure, client, http);

    private static Task<LocalCluster> StartAsync(
        ClusterServers servers, Similarity.Silo.Models.IModelLoader loader, string folder, int silos, Action<int, SiloOptions>? configure, GrainCallOptions? client, bool http) =>
        LocalCluster.StartAsync(new LocalClusterOptions
        {
            Broker = servers.RabbitMq.Uri.ToString(),
            Postgres = servers.Postgres.ConnectionString,
            ModelLoader = loader,
            Models = { ["m"] = folder },
            InitialSilos = silos,
            ConfigureSilo = configure,
            ClientOptions = client ?? new GrainCallOptions { MaxItemsPerRequest = 8, Timeout = TimeSpan.FromSeconds(30) },
            Http = http,
        });
}
