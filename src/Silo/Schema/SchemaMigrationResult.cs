namespace Similarity.Silo.Schema;

/// <summary>What one migration run found and did: the version before, the version now, the steps applied.</summary>
public sealed record SchemaMigrationResult(string Database, int PreviousVersion, int Version, IReadOnlyList<SchemaMigration> Applied)
{
    /// <summary>True when the database already had every step this build knows.</summary>
    public bool WasUpToDate => Applied.Count == 0;
}
