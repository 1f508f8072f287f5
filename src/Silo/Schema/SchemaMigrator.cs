using Npgsql;

namespace Similarity.Silo.Schema;

/// <summary>
/// Brings a database up to the newest of a list of migrations: under a PostgreSQL advisory lock (silos starting
/// together wait for one another instead of racing), each pending step in its own transaction, recorded in
/// <see cref="VersionTable"/>. A database recorded at a newer version than the list knows is refused.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Where applied versions are recorded; created on first use.</summary>
    public const string VersionTable = "cluster_schema_version";

    // The advisory lock every silo and simctl takes while migrating (the ASCII of "simschm"). It is a session lock,
    // held across the per-step transactions, and released explicitly or when the session ends.
    private const long LockKey = 0x73696D7363686D;

    public static async Task<SchemaMigrationResult> MigrateAsync(
        NpgsqlConnection connection, string database, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        try
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, null, $"""
                    CREATE TABLE IF NOT EXISTS {VersionTable} (
                        version    integer     PRIMARY KEY,
                        name       text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """, cancellationToken).ConfigureAwait(false);
                var current = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (current > known)
                {
                    throw new SchemaTooNewException(database, current, known);
                }

                var applied = new List<SchemaMigration>();
                foreach (var migration in migrations.Where(m => m.Version > current))
                {
                    await ApplyAsync(connection, database, migration, cancellationToken).ConfigureAwait(false);
                    applied.Add(migration);
                }

                return new SchemaMigrationResult(database, current, known, applied);
            }
            finally
            {
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (NpgsqlException e)
        {
            throw new ClusterSchemaException($"migrating the cluster schema of {database} failed: {e.Message}", e);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string database, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new ClusterSchemaException(
                $"schema migration {migration.FileName} failed on {database} and was rolled back: {e.MessageText}"
                + (e.Position > 0 ? $" (at character {e.Position} of the file)" : ""), e);
        }

        await using (var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
