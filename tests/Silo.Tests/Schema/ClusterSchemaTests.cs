using Npgsql;
using Similarity.Silo.Schema;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>The schema migrator on a real PostgreSQL: order, idempotence, concurrency, refusal, and its errors.</summary>
[Collection(PostgresCollection.Name)]
public class ClusterSchemaTests(PostgresDatabases databases)
{
    [Fact]
    public async Task An_empty_database_gets_every_version_in_order()
    {
        var database = await databases.CreateAsync();

        var result = await ClusterSchema.MigrateAsync(database, default);

        Assert.Equal(0, result.PreviousVersion);
        Assert.Equal(ClusterSchema.LatestVersion, result.Version);
        Assert.Equal(Enumerable.Range(1, ClusterSchema.LatestVersion), result.Applied.Select(m => m.Version));
        Assert.Equal(result.Applied.Select(m => (m.Version, m.Name)), await Sql.RecordedVersionsAsync(database));
        Assert.Equal(
            ["cluster_schema_version", "corpus_block", "grain_state", "membership_silo", "membership_version", "orleansquery", "reminder", "stream_eviction", "stream_message"],
            await TablesAsync(database));
    }

    [Fact]
    public async Task The_query_table_holds_every_key_the_providers_look_up()
    {
        var database = await databases.CreateAsync();

        await ClusterSchema.MigrateAsync(database, default);

        string[] clustering =
        [
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
            "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        ];
        string[] persistence = ["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"];
        string[] reminders =
        [
            "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
            "ReadReminderRowsKey", "UpsertReminderRowKey",
        ];
        string[] streams =
        [
            "ConfirmStreamMessagesKey", "EvictStreamDeadLettersKey", "EvictStreamMessagesKey", "FailStreamMessageKey",
            "GetStreamMessagesKey", "QueueStreamMessageKey",
        ];
        Assert.Equal(clustering.Concat(persistence).Concat(reminders).Concat(streams).Order(StringComparer.Ordinal), await QueryKeysAsync(database));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);

        var again = await ClusterSchema.MigrateAsync(database, default);

        Assert.True(again.WasUpToDate);
        Assert.Equal((ClusterSchema.LatestVersion, ClusterSchema.LatestVersion), (again.PreviousVersion, again.Version));
        Assert.Equal(ClusterSchema.LatestVersion, (await Sql.RecordedVersionsAsync(database)).Count);
    }

    [Fact]
    public async Task Silos_migrating_at_once_apply_each_version_exactly_once()
    {
        var database = await databases.CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ClusterSchema.MigrateAsync(database, default))));

        Assert.Equal(Enumerable.Range(1, ClusterSchema.LatestVersion), results.SelectMany(r => r.Applied).Select(m => m.Version).Order());
        Assert.Single(results, r => !r.WasUpToDate);
        Assert.All(results, r => Assert.Equal(ClusterSchema.LatestVersion, r.Version));
        Assert.Equal(ClusterSchema.LatestVersion, (await Sql.RecordedVersionsAsync(database)).Count);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused_and_left_alone()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        var newer = ClusterSchema.LatestVersion + 1;
        await Sql.ExecuteAsync(database, $"INSERT INTO cluster_schema_version (version, name) VALUES ({newer}, 'from_the_future')");

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => ClusterSchema.MigrateAsync(database, default));

        Assert.Equal((newer, ClusterSchema.LatestVersion), (refused.DatabaseVersion, refused.KnownVersion));
        Assert.Contains($"has cluster schema version {newer}, newer than the {ClusterSchema.LatestVersion} this build knows", refused.Message);
        Assert.Contains($"database '{new NpgsqlConnectionStringBuilder(database).Database}' on 127.0.0.1:{databases.Server.Port}", refused.Message);
        Assert.Equal(ClusterSchema.LatestVersion + 1, (await Sql.RecordedVersionsAsync(database)).Count);
    }

    [Fact]
    public async Task A_failing_step_is_rolled_back_named_and_not_recorded_while_earlier_steps_stay()
    {
        var database = await databases.CreateAsync();
        SchemaMigration[] steps =
        [
            new(1, "first", "CREATE TABLE first_step (id integer)"),
            new(2, "broken", "CREATE TABLE second_step (id integer); SELECT no_such_column FROM first_step"),
        ];

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var failure = await Assert.ThrowsAsync<ClusterSchemaException>(() => SchemaMigrator.MigrateAsync(connection, "the test database", steps, default));

        Assert.StartsWith("schema migration 0002_broken.sql failed on the test database and was rolled back: column \"no_such_column\" does not exist", failure.Message);
        Assert.Equal([(1, "first")], await Sql.RecordedVersionsAsync(database));
        Assert.Equal(["cluster_schema_version", "first_step"], await TablesAsync(database));
    }

    [Fact]
    public async Task An_unreachable_server_is_named_without_the_password()
    {
        var closed = Similarity.TestSupport.Servers.FreePort.Next();

        var failure = await Assert.ThrowsAsync<ClusterSchemaException>(() => ClusterSchema.MigrateAsync(
            $"Host=127.0.0.1;Port={closed};Username=sim;Password=hunter2-secret;Database=cluster;Timeout=3", default));

        Assert.StartsWith($"cannot open the cluster database 'cluster' on 127.0.0.1:{closed} as user 'sim': the server is unreachable", failure.Message);
        Assert.DoesNotContain("hunter2", failure.ToString());
    }

    [Theory]
    [InlineData("no_such_db", "postgres", "it does not exist; create it first (createdb)")]
    [InlineData("postgres", "nobody_here", "the server refused the credentials (role \"nobody_here\" does not exist)")]
    public async Task A_database_the_server_will_not_open_is_named_with_the_reason_but_never_the_password(string database, string user, string reason)
    {
        var target = new NpgsqlConnectionStringBuilder(databases.Server.ConnectionString) { Database = database, Username = user, Password = "hunter2-secret" };

        var failure = await Assert.ThrowsAsync<ClusterSchemaException>(() => ClusterSchema.MigrateAsync(target.ConnectionString, default));

        Assert.Equal($"cannot open the cluster database '{database}' on 127.0.0.1:{databases.Server.Port} as user '{user}': {reason}", failure.Message);
        Assert.DoesNotContain("hunter2", failure.ToString());
    }

    [Fact]
    public async Task A_malformed_connection_string_is_reported_as_such()
    {
        var failure = await Assert.ThrowsAsync<ClusterSchemaException>(() => ClusterSchema.MigrateAsync("Host=127.0.0.1;Port=five", default));

        Assert.StartsWith("the cluster connection string is not valid:", failure.Message);
    }

    private static Task<List<string>> TablesAsync(string database) =>
        Sql.ListAsync<string>(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");

    private static Task<List<string>> QueryKeysAsync(string database) =>
        Sql.ListAsync<string>(database, "SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"");
}
