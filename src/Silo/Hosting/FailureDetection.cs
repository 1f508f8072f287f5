using Orleans.Configuration;

namespace Similarity.Silo.Hosting;

/// <summary>
/// Membership settings that declare a killed silo dead in about a second instead of Orleans' ~15 s: a 1 s probe timeout,
/// two missed probes, one vote, and a 2 s table refresh. Inference never runs on the Orleans scheduler, so a busy silo
/// still answers probes on time and is not mistaken for a dead one.
/// </summary>
public static class FailureDetection
{
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(1);

    public const int MissedProbes = 2;

    public const int VotesForDeath = 1;

    public static TimeSpan TableRefresh { get; } = TimeSpan.FromSeconds(2);

    public static void Apply(ISiloBuilder silo) => silo.Configure<ClusterMembershipOptions>(membership =>
    {
        membership.ProbeTimeout = ProbeTimeout;
        membership.NumMissedProbesLimit = MissedProbes;
        membership.NumVotesForDeathDeclaration = VotesForDeath;
        membership.TableRefreshTimeout = TableRefresh;
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
    });
}
