using Similarity.Silo.Calls;
using Similarity.Silo.Membership;

namespace Similarity.Client;

/// <summary>What a client talks to: grain references, optional membership, and whatever must be disposed with it.</summary>
internal sealed class ClusterConnection(GrainFactory grains, IMembershipTable? membership, string clusterId, TimeSpan livenessTimeout, Func<ValueTask> release)
{
    public GrainFactory Grains { get; } = grains;

    public IMembershipTable? Membership { get; } = membership;

    public string ClusterId { get; } = clusterId;

    public TimeSpan LivenessTimeout { get; } = livenessTimeout;

    public ValueTask ReleaseAsync() => release();
}
