using Orleans.Configuration;
using Orleans.Dashboard;
using Similarity.Grains.Contracts;
using Similarity.Silo.Corpora;

namespace Similarity.Silo.Hosting;

/// <summary>
/// How a silo process runs Orleans: PostgreSQL (ADO.NET providers) for membership, grain state and reminders, or
/// localhost clustering and in-memory state when embedded; corpora (blocks and ingest streams) on the same; its
/// endpoints and name; failure detection tuned to seconds; the dashboard with HTTP; and the models it serves (<see cref="SimilaritySiloBuilderExtensions.AddSimilarityServing"/>).
/// </summary>
internal static class SiloConfiguration
{
    public static void Apply(ISiloBuilder silo, SiloSettings settings)
    {
        var options = settings.Options;
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = ClusterIdentity.ServiceId;
        });
        silo.Configure<Orleans.Configuration.SiloOptions>(orleans => orleans.SiloName = settings.Name);

        if (options.IsEmbedded)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, settings.PrimarySilo, ClusterIdentity.ServiceId, options.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.AddEmbeddedCorpora(options.ClusterId);
        }
        else
        {
            silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            ClusterStorage.Apply(silo, options.Cluster!);
            silo.AddClusterCorpora(options.Cluster!);
        }

        silo.AddSimilarityServing(options, settings.Http?.Published);
        FailureDetection.Apply(silo);
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (settings.Http is not null)
        {
            silo.AddDashboard();
        }
    }
}
