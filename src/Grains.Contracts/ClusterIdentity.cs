namespace Similarity.Grains.Contracts;

/// <summary>Names silos and clients must agree on to find each other.</summary>
public static class ClusterIdentity
{
    /// <summary>Orleans' service id for every cluster of this system: grain state is keyed by it, so it never changes.</summary>
    public const string ServiceId = "similarity";

    /// <summary>The cluster id used when none is given.</summary>
    public const string DefaultClusterId = "default";
}
