using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Similarity.Grains.Contracts.Cluster;
using Similarity.Grains.Placement;

namespace Similarity.Grains.Cluster;

/// <summary>
/// Answers "what does the cluster look like" from whichever silo receives the call: membership from Orleans' management
/// grain, roles from silo metadata. Stateless, so it never waits on a silo that is gone.
/// </summary>
[StatelessWorker]
internal sealed class SiloDirectoryGrain(ISiloMetadataCache metadata) : Grain, ISiloDirectoryGrain
{
    public async Task<SiloDescription[]> ListSilosAsync()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        return hosts
            .Select(Describe)
            .OrderByDescending(silo => silo.IsActive)
            .ThenByDescending(silo => silo.StartedAt)
            .ThenBy(silo => silo.Address, StringComparer.Ordinal)
            .ToArray();
    }

    private SiloDescription Describe(MembershipEntry entry)
    {
        var role = SiloRole.Of(metadata.GetSiloMetadata(entry.SiloAddress));
        return new SiloDescription
        {
            Address = entry.SiloAddress.Endpoint.ToString(),
            Name = entry.SiloName,
            HostName = entry.HostName,
            Status = entry.Status.ToString().ToLowerInvariant(),
            Device = role.Device,
            Models = [.. role.Models.Order(StringComparer.Ordinal)],
            HttpEndpoint = role.HttpEndpoint,
            StartedAt = new DateTimeOffset(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc)),
            IAmAliveAt = new DateTimeOffset(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc)),
        };
    }
}
