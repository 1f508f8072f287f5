namespace Similarity.Silo.Membership;

/// <summary>The live silos of one cluster at one moment, for <c>simctl cluster-status</c> and the SDK.</summary>
public sealed record ClusterStatus(string ClusterId, IReadOnlyList<SiloRecord> Silos, DateTimeOffset ObservedAt)
{
    /// <summary>Names of the models at least one live silo serves.</summary>
    public IReadOnlyList<string> Models => Silos.SelectMany(s => s.Models).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
