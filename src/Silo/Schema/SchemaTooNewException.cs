namespace Similarity.Silo.Schema;

/// <summary>
/// The database was migrated by a newer build than this one: running on a schema it does not know could corrupt the
/// cluster's state, so this build refuses it.
/// </summary>
public sealed class SchemaTooNewException(string database, int databaseVersion, int knownVersion)
    : ClusterSchemaException(
        $"{database} has cluster schema version {databaseVersion}, newer than the {knownVersion} this build knows: "
        + "upgrade simctl and the silos, or point them at another database")
{
    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; } = databaseVersion;

    /// <summary>The newest version this build has migrations for.</summary>
    public int KnownVersion { get; } = knownVersion;
}
