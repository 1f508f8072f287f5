using Npgsql;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// One private PostgreSQL server for the tests of the <see cref="PostgresCollection"/>; each test takes fresh, empty
/// databases of its own from it, so tests neither see nor clean up after one another.
/// </summary>
public sealed class PostgresDatabases : IAsyncLifetime
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

    /// <summary>Creates an empty database and returns a connection string for it; earlier tests' idle pooled connections are closed.</summary>
    public async Task<string> CreateAsync()
    {
        // Tests of the collection run one at a time: the idle connections earlier tests' silos left in their pools (one
        // pool per database, kept for minutes) would otherwise add up past the server's max_connections.
        NpgsqlConnection.ClearAllPools();
        var name = $"test_{Interlocked.Increment(ref _created)}";
        // Unpooled: a test may restart the server, which leaves pooled connections dead.
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
    }
}
