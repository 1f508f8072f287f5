using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;
using Similarity.Client.Calls;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Client;

/// <summary>
/// How the SDK's Orleans client reaches a cluster: the gateways the silos list in PostgreSQL (ADO.NET clustering),
/// refreshed every second so a dead silo leaves the list quickly; the response timeout from the options; the corpus
/// ingest streams (persistent, on the same PostgreSQL); and the gateway-loss signal that lets calls stranded on a dead
/// gateway retry at once. Reads <see cref="SimilarityClientOptions"/> from the container, so it works both in <c>AddSimilarityClient</c> and in <see cref="SimilarityClient.ConnectAsync"/>.
/// </summary>
internal static class ClusterClientConfiguration
{
    public static TimeSpan GatewayListRefresh { get; } = TimeSpan.FromSeconds(1);

    public static void Apply(IClientBuilder client, GatewayLossSignal gatewayLoss)
    {
        client.Services.AddOptions<ClusterOptions>().Configure<IOptions<SimilarityClientOptions>>((cluster, similarity) =>
        {
            cluster.ClusterId = similarity.Value.ClusterId;
            cluster.ServiceId = ClusterIdentity.ServiceId;
        });
        client.UseAdoNetClustering(clustering => clustering.Configure<IOptions<SimilarityClientOptions>>((ado, similarity) =>
        {
            ado.Invariant = "Npgsql";
            ado.ConnectionString = similarity.Value.Cluster
                ?? throw new InvalidOperationException("SimilarityClientOptions.Cluster (the cluster's PostgreSQL connection string) is required.");
        }));
        client.Services.AddOptions<GatewayOptions>().Configure(gateways => gateways.GatewayListRefreshPeriod = GatewayListRefresh);
        client.Services.AddOptions<ClientMessagingOptions>().Configure<IOptions<SimilarityClientOptions>>(
            (messaging, similarity) => messaging.ResponseTimeout = similarity.Value.Timeout);
        client.AddGatewayCountChangedHandler(gatewayLoss.OnGatewayCountChanged);
        client.AddAdoNetStreams(CorpusStreams.Provider, streams =>
        {
            streams.ConfigureAdoNet(options => options.Configure<IOptions<SimilarityClientOptions>>((ado, similarity) =>
                (ado.Invariant, ado.ConnectionString) = ("Npgsql", similarity.Value.Cluster)));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
    }
}
