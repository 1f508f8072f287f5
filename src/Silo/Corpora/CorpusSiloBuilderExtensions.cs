using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Placement;
using Similarity.Grains.Corpora.Storage;
using Similarity.Silo.Schema;

namespace Similarity.Silo.Corpora;

/// <summary>
/// What a silo adds to host corpora: the shards' block store, their placement, and the ingest stream provider adds
/// travel on (implicit subscriptions only: lane consumers subscribe by namespace, so no per-stream subscription state is
/// kept) with the "PubSubStore" grain storage Orleans' stream providers expect.
/// </summary>
public static class CorpusSiloBuilderExtensions
{
    /// <summary>The grain storage Orleans' stream pub-sub uses.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>Embedded silos: blocks in memory (shared by the silos of <paramref name="clusterId"/> in this process) and memory streams.</summary>
    public static ISiloBuilder AddEmbeddedCorpora(this ISiloBuilder silo, string clusterId) =>
        silo.AddEmbeddedCorpora(_ => MemoryCorpusBlockStore.Shared(clusterId));

    /// <summary>Silos of one process (embedded, test clusters): blocks in the store <paramref name="store"/> makes, and memory streams.</summary>
    public static ISiloBuilder AddEmbeddedCorpora(this ISiloBuilder silo, Func<IServiceProvider, ICorpusBlockStore> store)
    {
        silo.AddCorpusGrains(store);
        silo.AddMemoryGrainStorage(PubSubStore);
        silo.AddMemoryStreams(CorpusStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        return silo;
    }

    /// <summary>Cluster silos: blocks in the cluster's PostgreSQL and persistent ADO.NET streams on it.</summary>
    public static ISiloBuilder AddClusterCorpora(this ISiloBuilder silo, string connectionString)
    {
        silo.AddCorpusGrains(_ => new PostgresCorpusBlockStore(connectionString));
        silo.AddAdoNetGrainStorage(PubSubStore, storage => (storage.Invariant, storage.ConnectionString) = (ClusterSchema.Invariant, connectionString));
        silo.AddAdoNetStreams(CorpusStreams.Provider, streams =>
        {
            streams.ConfigureAdoNet(options => options.Configure(ado => (ado.Invariant, ado.ConnectionString) = (ClusterSchema.Invariant, connectionString)));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        return silo;
    }

    /// <summary>The corpus and shard grains' services with the block store <paramref name="store"/> makes; streams are configured apart.</summary>
    public static ISiloBuilder AddCorpusGrains(this ISiloBuilder silo, Func<IServiceProvider, ICorpusBlockStore> store)
    {
        silo.Services.AddSingleton(store);
        silo.Services.AddPlacementDirector<ShardSpreadPlacement, ShardSpreadPlacementDirector>();
        return silo;
    }
}
