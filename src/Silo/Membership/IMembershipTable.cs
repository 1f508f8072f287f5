namespace Similarity.Silo.Membership;

/// <summary>
/// Where silos announce themselves and heartbeat (Orleans' membership table). Liveness is judged by heartbeat age,
/// so a silo killed without leaving drops out on its own.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates or upgrades the storage schema; safe to call from many silos at once.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the silo, or replaces its row if the id is reused.</summary>
    Task JoinAsync(SiloRecord silo, CancellationToken cancellationToken = default);

    Task HeartbeatAsync(string clusterId, string siloId, SiloStatus status, SiloLoad load, CancellationToken cancellationToken = default);

    Task LeaveAsync(string clusterId, string siloId, CancellationToken cancellationToken = default);

    /// <summary>Silos whose last heartbeat is younger than <paramref name="staleAfter"/>, ordered by id.</summary>
    Task<ClusterStatus> ReadLiveAsync(string clusterId, TimeSpan staleAfter, CancellationToken cancellationToken = default);
}
