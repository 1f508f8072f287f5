using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Similarity.Grains.Contracts;
using Similarity.Grains.Placement;

namespace Similarity.Silo.Hosting;

/// <summary>
/// How a silo runs Orleans: PostgreSQL (ADO.NET providers) for membership, grain state and reminders, or localhost
/// clustering and in-memory state when embedded; its endpoints and name; the silo metadata and placement filter that
/// send each model's requests to silos serving it; failure detection tuned to seconds; the dashboard with HTTP.
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
        }
        else
        {
            silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            ClusterStorage.Apply(silo, options.Cluster!);
        }

        var role = new SiloRole(options.DeviceClass, options.Models.Keys.ToHashSet(StringComparer.Ordinal), settings.Http?.Published.ToString().TrimEnd('/'));
        silo.UseSiloMetadata(role.ToMetadata());
        silo.Services.AddPlacementFilter<ServedModelPlacementFilterStrategy, ServedModelPlacementFilterDirector>(ServiceLifetime.Singleton);
        FailureDetection.Apply(silo);
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (settings.Http is not null)
        {
            silo.AddDashboard();
        }
    }
}
