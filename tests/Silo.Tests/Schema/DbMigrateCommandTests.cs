using System.Text.Json;
using Npgsql;
using Similarity.Silo.Schema;
using Similarity.TestSupport;
using Similarity.TestSupport.Servers;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary><c>simctl db migrate</c> as users and deployment jobs run it, on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public class DbMigrateCommandTests(PostgresDatabases databases)
{
    [Fact]
    public async Task It_applies_every_version_once_then_reports_up_to_date()
    {
        var database = await databases.CreateAsync();
        var name = $"database '{new NpgsqlConnectionStringBuilder(database).Database}' on 127.0.0.1:{databases.Server.Port} as user 'postgres'";

        var first = await Simctl.RunAsync("db", "migrate", "--cluster", database);
        var second = await Simctl.RunAsync("db", "migrate", "--cluster", database);

        CliAssert.Succeeded(first);
        Assert.Equal(
            $"applied {string.Join(", ", ClusterSchema.Migrations.Select(m => m.FileName))}: {name} is at schema version {ClusterSchema.LatestVersion}\n",
            first.StandardOutput);
        CliAssert.Succeeded(second);
        Assert.Equal($"up to date: {name} is at schema version {ClusterSchema.LatestVersion}\n", second.StandardOutput);
        Assert.Equal(ClusterSchema.LatestVersion, (await Sql.RecordedVersionsAsync(database)).Count);
    }

    [Fact]
    public async Task Json_lists_the_versions_applied()
    {
        var database = await databases.CreateAsync();

        var result = await Simctl.RunAsync("db", "migrate", "--cluster", database, "--json");

        CliAssert.Succeeded(result);
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal((0, ClusterSchema.LatestVersion), (report.GetProperty("previous_version").GetInt32(), report.GetProperty("version").GetInt32()));
        Assert.Equal(
            ClusterSchema.Migrations.Select(m => (m.Version, m.Name)),
            report.GetProperty("applied").EnumerateArray().Select(a => (a.GetProperty("version").GetInt32(), a.GetProperty("name").GetString()!)));
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_naming_it_without_the_password()
    {
        var closed = FreePort.Next();

        var result = await Simctl.RunAsync("db", "migrate", "--cluster", $"Host=127.0.0.1;Port={closed};Username=sim;Password=hunter2-secret;Database=cluster;Timeout=3");

        CliAssert.OneLineError(result, $"cannot open the cluster database 'cluster' on 127.0.0.1:{closed} as user 'sim': the server is unreachable");
        Assert.DoesNotContain("hunter2", result.StandardError + result.StandardOutput);
    }
}
