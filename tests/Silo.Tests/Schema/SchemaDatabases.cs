using Npgsql;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// One private PostgreSQL server for the schema tests; each test takes a fresh, empty database of its own from it,
/// so tests neither see nor clean up after one another.
/// </summary>
public sealed class SchemaDatabases : IAsyncLifetime
{
    private PostgresServer? _server;
    private int _created;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateAsync()
    {
        var name = $"schema_{Interlocked.Increment(ref _created)}";
        await using (var admin = new NpgsqlConnection(Server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
    }
}
