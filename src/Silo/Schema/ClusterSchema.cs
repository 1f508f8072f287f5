namespace Similarity.Silo.Schema;

/// <summary>
/// The PostgreSQL schema the cluster runs on: the tables and the query texts (table <c>orleansquery</c>) that
/// Orleans' ADO.NET providers for clustering, grain state, reminders and streams look up. Silos migrate it at
/// start and <c>simctl db migrate</c> does it on demand; both go through <see cref="MigrateAsync"/>.
/// </summary>
public static class ClusterSchema
{
    /// <summary>The ADO.NET invariant name to give every Orleans ADO.NET provider that runs on this schema.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => EmbeddedMigrations.All.Count;

    /// <summary>The versioned steps this build applies, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations => EmbeddedMigrations.All;

    /// <summary>
    /// Creates or upgrades the schema in the database <paramref name="connectionString"/> names and reports what it
    /// applied. Safe to run from many processes at once and as often as wanted. Throws
    /// <see cref="SchemaTooNewException"/> for a database migrated by a newer build, and
    /// <see cref="ClusterSchemaException"/> when the database cannot be reached or a step fails.
    /// </summary>
    public static async Task<SchemaMigrationResult> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var database = ClusterDatabase.Parse(connectionString);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SchemaMigrator.MigrateAsync(connection, database.Description, EmbeddedMigrations.All, cancellationToken).ConfigureAwait(false);
    }
}
