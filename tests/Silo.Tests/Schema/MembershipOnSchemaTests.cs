using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Similarity.Silo.Schema;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// Orleans' own ADO.NET membership table (the class silos use) on the migrated schema: the table-version protocol
/// that detects concurrent writers, heartbeats, clean-up of dead silos, and times kept as UTC whatever the server's
/// time zone.
/// </summary>
[Collection(PostgresCollection.Name)]
public class MembershipOnSchemaTests(PostgresDatabases databases)
{
    private static readonly DateTime Started = new(2026, 11, 30, 8, 15, 30, 250, DateTimeKind.Utc);

    [Fact]
    public async Task A_silo_joins_only_with_the_current_table_version_and_each_join_bumps_it()
    {
        var table = await MigratedTableAsync();
        var empty = await table.ReadAllAsync();

        Assert.True(await table.InsertRowAsync(Silo(11111, SiloStatus.Joining), empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Silo(22222, SiloStatus.Joining), empty.Version.Next()));
        var one = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(Silo(22222, SiloStatus.Joining), one.Version.Next()));
        Assert.False(await table.InsertRowAsync(Silo(22222, SiloStatus.Joining), (await table.ReadAllAsync()).Version.Next()));

        var all = await table.ReadAllAsync();
        Assert.Equal((0, 1, 2), (empty.Version.Version, one.Version.Version, all.Version.Version));
        Assert.Equal([11111, 22222], all.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
    }

    [Fact]
    public async Task A_silo_row_changes_only_with_the_etag_last_read()
    {
        var table = await MigratedTableAsync();
        var silo = Silo(11111, SiloStatus.Joining);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (entry, etag) = read.Members.Single();
        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 33333), 7);
        entry.Status = SiloStatus.Active;
        entry.SuspectTimes = [Tuple.Create(voter, Started.AddSeconds(3))];

        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next()));

        var (stored, _) = (await table.ReadRowAsync(silo.SiloAddress)).Members.Single();
        Assert.Equal(SiloStatus.Active, stored.Status);
        var vote = Assert.Single(stored.SuspectTimes!);
        Assert.Equal((voter, Started.AddSeconds(3)), (vote.Item1, vote.Item2));
        Assert.Equal(("silo-11111", "host-a", 30000 + 1), (stored.SiloName, stored.HostName, stored.ProxyPort));
    }

    [Fact]
    public async Task Times_round_trip_as_utc_whatever_the_servers_time_zone()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        await Sql.ExecuteAsync(database, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone = ''Asia/Kolkata''', current_database()); END $$");
        NpgsqlConnection.ClearAllPools(); // sessions opened before the change keep UTC
        var table = await TableAsync(database);
        var silo = Silo(11111, SiloStatus.Active);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var alive = Started.AddMinutes(5);

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo.SiloAddress, IAmAliveTime = alive });

        var (stored, _) = (await table.ReadRowAsync(silo.SiloAddress)).Members.Single();
        Assert.Equal((Started, alive), (stored.StartTime, stored.IAmAliveTime));
        Assert.Equal(
            "2026-11-30 08:15:30.25",
            await Sql.ScalarAsync<string>(database, "SELECT to_char(start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.FF2') FROM membership_silo"));
    }

    [Fact]
    public async Task Heartbeats_leave_the_table_version_alone()
    {
        var table = await MigratedTableAsync();
        var silo = Silo(11111, SiloStatus.Active);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var before = (await table.ReadAllAsync()).Version;

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo.SiloAddress, IAmAliveTime = Started.AddMinutes(1) });

        Assert.Equal(before.Version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Clean_up_removes_only_silos_dead_since_before_the_cutoff()
    {
        var table = await MigratedTableAsync();
        foreach (var (port, status, alive) in new[]
                 {
                     (11111, SiloStatus.Dead, Started.AddMinutes(1)),
                     (22222, SiloStatus.Dead, Started.AddHours(2)),
                     (33333, SiloStatus.Active, Started.AddMinutes(1)),
                 })
        {
            var silo = Silo(port, status);
            silo.IAmAliveTime = alive;
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(Started.AddHours(1));

        Assert.Equal([22222, 33333], (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_silos_and_version()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        var table = await TableAsync(database);
        await table.InsertRowAsync(Silo(11111, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(ClusterId);

        Assert.Equal(0L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM membership_silo"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM membership_version"));
    }

    private const string ClusterId = "membership-test";

    private async Task<AdoNetClusteringTable> MigratedTableAsync()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        return await TableAsync(database);
    }

    private static async Task<AdoNetClusteringTable> TableAsync(string database)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "similarity" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = ClusterSchema.Invariant, ConnectionString = database }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Silo(int port, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 42),
        SiloName = $"silo-{port}",
        HostName = "host-a",
        Status = status,
        ProxyPort = 30000 + 1,
        StartTime = Started,
        IAmAliveTime = Started,
    };
}
