using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Placement;
using Similarity.Grains.Corpora.Storage;
using Similarity.Grains.Kernels;
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

    /// <summary>
    /// How long memory streams keep a batch after it was read. Orleans' defaults keep a batch at least 5 minutes and
    /// until 30 minutes of newer batches have come, so the batches of an add would stay in memory next to its stored
    /// rows; a lane takes its batches within seconds, and a batch purged unread is published again by its publisher.
    /// </summary>
    public static readonly TimeSpan MemoryStreamRetention = TimeSpan.FromSeconds(30);

    /// <summary>Batches newer than this (relative to a queue's newest) stay past <see cref="MemoryStreamRetention"/>: an idle queue keeps only its last moment.</summary>
    private static readonly TimeSpan MemoryStreamNewest = TimeSpan.FromSeconds(1);

    /// <summary>Embedded silos: blocks in memory (shared by the silos of <paramref name="clusterId"/> in this process) and memory streams.</summary>
    public static ISiloBuilder AddEmbeddedCorpora(this ISiloBuilder silo, string clusterId) =>
        silo.AddEmbeddedCorpora(_ => MemoryCorpusBlockStore.Shared(clusterId));

    /// <summary>Silos of one process (embedded, test clusters): blocks in the store <paramref name="store"/> makes, and memory streams.</summary>
    public static ISiloBuilder AddEmbeddedCorpora(this ISiloBuilder silo, Func<IServiceProvider, ICorpusBlockStore> store)
    {
        silo.AddCorpusGrains(store);
        silo.AddMemoryGrainStorage(PubSubStore);
        silo.AddMemoryStreams(CorpusStreams.Provider, streams =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigureCacheEviction(eviction => eviction.Configure(options =>
                (options.DataMinTimeInCache, options.DataMaxAgeInCache) = (MemoryStreamRetention, MemoryStreamNewest)));
        });
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
        silo.Services.AddSingleton(_ => new KernelThreads(Environment.ProcessorCount));
        silo.Services.AddPlacementDirector<ShardSpreadPlacement, ShardSpreadPlacementDirector>();
        return silo;
    }
}
