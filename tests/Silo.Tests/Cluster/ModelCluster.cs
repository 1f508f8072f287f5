using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Similarity.Client;
using Similarity.Client.Calls;
using Similarity.Grains.Contracts;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>
/// An Orleans test cluster (<see cref="InProcessTestCluster"/>: silos and a client in this process, talking over TCP on
/// loopback) whose silos serve models as <c>simctl silo</c> does, each as its <see cref="SiloSpec"/> says, with the
/// production failure detection. Silos started later take the next specs.
/// </summary>
public sealed class ModelCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly GatewayLossSignal _gatewayLoss;

    private ModelCluster(InProcessTestCluster cluster, GatewayLossSignal gatewayLoss)
    {
        _cluster = cluster;
        _gatewayLoss = gatewayLoss;
    }

    public InProcessTestCluster Orleans => _cluster;

    public IClusterClient Client => _cluster.Client;

    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>Gateway connections the client lost so far.</summary>
    public int GatewayLosses => _gatewayLoss.Losses;

    /// <summary>Starts one silo per spec of <paramref name="initial"/>; <paramref name="later"/> specs serve silos started afterwards.</summary>
    public static Task<ModelCluster> StartAsync(SiloSpec[] initial, params SiloSpec[] later) => StartAsync(initial, null, later);

    /// <summary>As <see cref="StartAsync(SiloSpec[], SiloSpec[])"/>, with more configuration for every silo (<paramref name="configure"/>: e.g. grain storage and reminders, which a test cluster has none of).</summary>
    public static async Task<ModelCluster> StartAsync(SiloSpec[] initial, Action<ISiloBuilder>? configure, params SiloSpec[] later)
    {
        var specs = initial.Concat(later).ToArray();
        var gatewayLoss = new GatewayLossSignal();
        var builder = new InProcessTestClusterBuilder((short)initial.Length);
        builder.Options.AssumeHomogenousSilosForTesting = false; // else Orleans skips placement filters
        builder.ConfigureSilo((silo, orleans) =>
        {
            var spec = specs[Math.Min(SiloIndex(silo.SiloName), specs.Length - 1)];
            var options = new SiloOptions { Device = spec.Device.Name() };
            foreach (var (name, folder) in spec.Models)
            {
                options.Models[name] = folder;
            }

            orleans.Services.AddSingleton<IModelLoader>(new TestModelLoader());
            orleans.AddSimilarityServing(options);
            FailureDetection.Apply(orleans);
            configure?.Invoke(orleans);
        });
        builder.ConfigureClient(client => client.AddGatewayCountChangedHandler(gatewayLoss.OnGatewayCountChanged));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ModelCluster(cluster, gatewayLoss);
    }

    /// <summary>The test cluster names its silos Silo_0, Silo_1, ... in the order it starts them, also in <see cref="Silos"/>.</summary>
    private static int SiloIndex(string name) =>
        int.Parse(name.AsSpan(name.LastIndexOf('_') + 1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An SDK client of this cluster, retrying on silo loss as a connected client does.</summary>
    public SimilarityClient Sdk(SimilarityClientOptions? options = null) =>
        new(Client, options ?? new SimilarityClientOptions { MaxTextsPerRequest = 8 }, _gatewayLoss, owned: null);

    /// <summary>The silo process a service of it belongs to.</summary>
    public T Service<T>(InProcessSiloHandle silo)
        where T : notnull => silo.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
