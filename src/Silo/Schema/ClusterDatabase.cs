using Npgsql;

namespace Similarity.Silo.Schema;

/// <summary>
/// The PostgreSQL database a cluster keeps its state in, as named by a connection string: opens a dedicated
/// (unpooled) connection and turns connection failures into messages that name the server, database and user.
/// </summary>
internal sealed class ClusterDatabase
{
    private readonly string _connectionString;

    private ClusterDatabase(string connectionString, string description)
    {
        _connectionString = connectionString;
        Description = description;
    }

    /// <summary>"database 'x' on host:port as user 'y'": what messages call it; never the password.</summary>
    public string Description { get; }

    public static ClusterDatabase Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            // Unpooled: the migration lock lives as long as the session, so the session must end with the connection.
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ClusterSchemaException($"the cluster connection string is not valid: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ClusterSchemaException("the cluster connection string names no Host (expected Host=...;Port=...;Username=...;Database=...)");
        }

        var user = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
        var database = string.IsNullOrEmpty(builder.Database) ? user : builder.Database;
        return new ClusterDatabase(builder.ConnectionString, $"database '{database}' on {builder.Host}:{builder.Port} as user '{user}'");
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (Explain(e) is { } reason)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ClusterSchemaException($"cannot open the cluster {Description}: {reason}", e);
        }
    }

    private static string? Explain(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => "it does not exist; create it first (createdb)",
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
            $"the server refused the credentials ({p.MessageText})",
        PostgresException p => p.MessageText,
        NpgsqlException { InnerException: TimeoutException } => "the server did not answer in time",
        NpgsqlException n => $"the server is unreachable ({n.Message})",
        _ => null,
    };
}
