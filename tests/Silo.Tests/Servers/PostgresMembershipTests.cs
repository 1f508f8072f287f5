using Npgsql;
using Similarity.Silo.Membership.Postgres;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.TestSupport.Servers;

namespace Similarity.Silo.Tests.Servers;

/// <summary>
/// Silo membership in PostgreSQL: the versioned schema, heartbeats, and silos that die. Listing and leaving are part of the
/// cluster contract (<see cref="RabbitMqClusterTests"/>).
/// </summary>
[Collection(ClusterServersCollection.Name)]
public class PostgresMembershipTests(ClusterServers servers)
{
    private readonly TestClusters _clusters = TestClusters.On(servers);

    [Fact]
    public async Task Silos_starting_together_apply_each_schema_version_once()
    {
        var tables = Enumerable.Range(0, 4).Select(_ => new PostgresMembershipTable(servers.Postgres.ConnectionString)).ToArray();

        await Task.WhenAll(tables.Select(t => t.EnsureSchemaAsync()));

        await using var source = NpgsqlDataSource.Create(servers.Postgres.ConnectionString);
        await using var command = source.CreateCommand($"SELECT version, description FROM {MembershipSchema.MigrationsTable} ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1, "silo membership"), (reader.GetInt32(0), reader.GetString(1)));
        Assert.False(await reader.ReadAsync());
        foreach (var table in tables)
        {
            await table.DisposeAsync();
        }
    }

    [Fact]
    public async Task Heartbeats_report_the_requests_a_silo_has_handled()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder, silos: 1);
        await cluster.Client.GetEncoder("m").EncodeAsync(TestCorpus.Texts(24));

        await Poll.UntilAsync(() => cluster.GetStatusAsync().Result.Silos.Single().Load.Completed == 3);
    }

    [Fact]
    public async Task A_silo_that_dies_drops_out_once_its_heartbeat_is_stale()
    {
        await using var cluster = await _clusters.StartAsync(ClusterTestModel.BiEncoder);

        await cluster.KillSiloAsync(cluster.Silos[1]);

        Assert.Equal(2, (await cluster.GetStatusAsync()).Silos.Count);
        await Poll.UntilAsync(() => cluster.GetStatusAsync().Result.Silos.Count == 1);
        Assert.Equal(cluster.Silos[0].SiloId, (await cluster.GetStatusAsync()).Silos.Single().SiloId);
    }
}
