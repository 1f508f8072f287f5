using Npgsql;
using Similarity.Grains.Contracts;

namespace Similarity.Silo.Membership.Postgres;

/// <summary>Membership in PostgreSQL (Orleans' ADO.NET clustering in spirit). Heartbeat times come from the database clock.</summary>
public sealed class PostgresMembershipTable : IMembershipTable, IAsyncDisposable
{
    private const string Columns =
        "cluster_id, silo_id, host_name, process_id, device_class, roles, models, http_endpoint, started_at, heartbeat_at, status, in_flight, capacity, completed";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresMembershipTable(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        await SchemaMigrator.MigrateAsync(_dataSource, MembershipSchema.Migrations, cancellationToken).ConfigureAwait(false);

    public async Task JoinAsync(SiloRecord silo, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO {MembershipSchema.SilosTable} ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12, $13)
            ON CONFLICT (cluster_id, silo_id) DO UPDATE SET
                host_name = EXCLUDED.host_name, process_id = EXCLUDED.process_id, device_class = EXCLUDED.device_class,
                roles = EXCLUDED.roles, models = EXCLUDED.models, http_endpoint = EXCLUDED.http_endpoint,
                started_at = EXCLUDED.started_at, heartbeat_at = now(), status = EXCLUDED.status,
                in_flight = EXCLUDED.in_flight, capacity = EXCLUDED.capacity, completed = EXCLUDED.completed
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = silo.ClusterId });
        p.Add(new NpgsqlParameter<string> { TypedValue = silo.SiloId });
        p.Add(new NpgsqlParameter<string> { TypedValue = silo.HostName });
        p.Add(new NpgsqlParameter<int> { TypedValue = silo.ProcessId });
        p.Add(new NpgsqlParameter<string> { TypedValue = silo.Device.Name() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. silo.Roles] });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. silo.Models] });
        p.Add(new NpgsqlParameter { Value = (object?)silo.HttpEndpoint ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = silo.StartedAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter<string> { TypedValue = StatusName(silo.Status) });
        p.Add(new NpgsqlParameter<int> { TypedValue = silo.Load.InFlight });
        p.Add(new NpgsqlParameter<int> { TypedValue = silo.Load.Capacity });
        p.Add(new NpgsqlParameter<long> { TypedValue = silo.Load.Completed });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task HeartbeatAsync(string clusterId, string siloId, SiloStatus status, SiloLoad load, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {MembershipSchema.SilosTable}
            SET heartbeat_at = now(), status = $3, in_flight = $4, capacity = $5, completed = $6
            WHERE cluster_id = $1 AND silo_id = $2
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        p.Add(new NpgsqlParameter<string> { TypedValue = siloId });
        p.Add(new NpgsqlParameter<string> { TypedValue = StatusName(status) });
        p.Add(new NpgsqlParameter<int> { TypedValue = load.InFlight });
        p.Add(new NpgsqlParameter<int> { TypedValue = load.Capacity });
        p.Add(new NpgsqlParameter<long> { TypedValue = load.Completed });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"silo '{siloId}' heartbeats without a membership row in cluster '{clusterId}'");
        }
    }

    public async Task LeaveAsync(string clusterId, string siloId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {MembershipSchema.SilosTable} WHERE cluster_id = $1 AND silo_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = siloId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClusterStatus> ReadLiveAsync(string clusterId, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns}, now() FROM {MembershipSchema.SilosTable}
            WHERE cluster_id = $1 AND heartbeat_at > now() - $2
            ORDER BY silo_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = staleAfter });
        var silos = new List<SiloRecord>();
        var observedAt = DateTimeOffset.UtcNow;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            silos.Add(new SiloRecord
            {
                ClusterId = reader.GetString(0),
                SiloId = reader.GetString(1),
                HostName = reader.GetString(2),
                ProcessId = reader.GetInt32(3),
                Device = DeviceClassNames.Parse(reader.GetString(4)),
                Roles = reader.GetFieldValue<string[]>(5),
                Models = reader.GetFieldValue<string[]>(6),
                HttpEndpoint = reader.IsDBNull(7) ? null : reader.GetString(7),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(8),
                HeartbeatAt = reader.GetFieldValue<DateTimeOffset>(9),
                Status = ParseStatus(reader.GetString(10)),
                Load = new SiloLoad(reader.GetInt32(11), reader.GetInt32(12), reader.GetInt64(13)),
            });
            observedAt = reader.GetFieldValue<DateTimeOffset>(14);
        }

        return new ClusterStatus(clusterId, silos, observedAt);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        _ => "shutting-down",
    };

    private static SiloStatus ParseStatus(string status) => status switch
    {
        "joining" => SiloStatus.Joining,
        "active" => SiloStatus.Active,
        _ => SiloStatus.ShuttingDown,
    };
}
