using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Streams;
using Orleans.TestingHost;
using Similarity.Client;
using Similarity.Client.Calls;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Operations;
using Similarity.Grains.Corpora.Storage;
using Similarity.Silo.Corpora;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;
using Similarity.Silo.Schema;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// An Orleans test cluster of silos in this process hosting corpora as embedded silos do (memory streams, a block store),
/// each serving the test encoder <c>m</c> its spec names. The silos share one block store and one durable grain storage,
/// as the silos of a real cluster share PostgreSQL, so a killed silo's shards and corpora come back on the others.
/// </summary>
public sealed class CorpusCluster : IAsyncDisposable
{
    public const string Model = "m";

    private readonly InProcessTestCluster _cluster;
    private readonly GatewayLossSignal _gatewayLoss;

    private CorpusCluster(InProcessTestCluster cluster, GatewayLossSignal gatewayLoss, ICorpusBlockStore store, SharedGrainStates states)
    {
        _cluster = cluster;
        _gatewayLoss = gatewayLoss;
        Store = store;
        States = states;
    }

    public InProcessTestCluster Orleans => _cluster;

    public IClusterClient Client => _cluster.Client;

    /// <summary>The block store every silo's shards use.</summary>
    public ICorpusBlockStore Store { get; }

    /// <summary>The grain states every silo keeps, readable without activating (or reactivating) a grain.</summary>
    public SharedGrainStates States { get; }

    /// <summary>
    /// Starts one silo per encoder in <paramref name="encoders"/>, each serving it as <see cref="Model"/>; blocks go to
    /// <paramref name="store"/> (default: memory). Reminders live in memory (lost with the silo holding their table), or
    /// with <paramref name="reminders"/> (a migrated PostgreSQL database) in its reminder table, as a cluster's silos keep
    /// them; there they may tick every second and corpus operations ask to be resumed every <paramref name="resumePeriod"/>.
    /// </summary>
    public static async Task<CorpusCluster> StartAsync(object[] encoders, ICorpusBlockStore? store = null, string? reminders = null, TimeSpan? resumePeriod = null)
    {
        store ??= new MemoryCorpusBlockStore();
        var folders = encoders.Select(TestModelLoader.Register).ToArray();
        var gatewayLoss = new GatewayLossSignal();
        var states = new SharedGrainStates();
        var builder = new InProcessTestClusterBuilder((short)encoders.Length);
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.ConfigureSilo((silo, orleans) =>
        {
            var index = int.Parse(silo.SiloName.AsSpan(silo.SiloName.LastIndexOf('_') + 1), System.Globalization.CultureInfo.InvariantCulture);
            var options = new SiloOptions { Models = { [Model] = folders[Math.Min(index, folders.Length - 1)] } };
            orleans.Services.AddSingleton<IModelLoader>(new TestModelLoader());
            orleans.AddSimilarityServing(options);
            FailureDetection.Apply(orleans);
            orleans.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) =>
                new SharedGrainStorage(states, services.GetRequiredService<DeepCopier>()));
            orleans.AddEmbeddedCorpora(_ => store);
            if (reminders is null)
            {
                orleans.UseInMemoryReminderService();
            }
            else
            {
                orleans.UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (ClusterSchema.Invariant, reminders));
                orleans.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            }

            if (resumePeriod is { } period)
            {
                orleans.Services.Configure<CorpusOperationOptions>(options => options.ResumePeriod = period);
            }
        });
        builder.ConfigureClient(client =>
        {
            client.AddGatewayCountChangedHandler(gatewayLoss.OnGatewayCountChanged);
            client.AddMemoryStreams(CorpusStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CorpusCluster(cluster, gatewayLoss, store, states);
    }

    /// <summary>A cluster of two silos serving <see cref="HashSentenceEncoder"/>s.</summary>
    public static Task<CorpusCluster> StartAsync() => StartAsync([new HashSentenceEncoder(), new HashSentenceEncoder()]);

    /// <summary>An SDK client of this cluster, retrying on silo loss as a connected client does.</summary>
    public SimilarityClient Sdk() => new(Client, new SimilarityClientOptions { DefaultModel = Model }, _gatewayLoss, owned: null);

    public ICorpusGrain Corpus(string name) => Client.GetGrain<ICorpusGrain>(name);

    public IShardGrain Shard(string corpus, int index) => Client.GetGrain<IShardGrain>(new ShardKey(corpus, index).ToString());

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
