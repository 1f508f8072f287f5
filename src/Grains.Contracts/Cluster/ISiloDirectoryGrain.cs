namespace Similarity.Grains.Contracts.Cluster;

/// <summary>What the cluster looks like from inside: every silo membership knows, with the models and device it serves.</summary>
public interface ISiloDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Silos in membership (active ones first, then the rest newest first), as one silo sees them now.</summary>
    Task<SiloDescription[]> ListSilosAsync();
}
