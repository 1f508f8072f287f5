using Similarity.Silo.Schema;
using static Similarity.Silo.Tests.Schema.StoredQueries;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// The stream queue's queries, run as Streaming.AdoNet runs them, for what a two-silo run rarely reaches: receipts from
/// a superseded dequeue, releases, failed deliveries, dead letters and their eviction.
/// </summary>
[Collection(PostgresCollection.Name)]
public class StreamQueriesTests(PostgresDatabases databases)
{
    private const string Queue = "queue-0";

    [Fact]
    public async Task Only_the_latest_dequeues_receipt_confirms_a_message()
    {
        var queries = await MigratedAsync();
        var id = await EnqueueAsync(queries, expirySeconds: 600);
        await DequeueAsync(queries, visibilitySeconds: 0);
        var again = Assert.Single(await DequeueAsync(queries, visibilitySeconds: 60));
        Assert.Equal((id, 2), ((long)again["messageid"], (int)again["dequeued"]));

        Assert.Empty(await ConfirmAsync(queries, $"{id}:1"));
        var confirmed = Assert.Single(await ConfirmAsync(queries, $"{id}:2"));

        Assert.Equal(("svc", "ingest", Queue, id), ((string)confirmed["serviceid"], (string)confirmed["providerid"], (string)confirmed["queueid"], (long)confirmed["messageid"]));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_message"));
    }

    [Fact]
    public async Task A_negative_receipt_releases_a_hidden_message_for_immediate_redelivery()
    {
        var queries = await MigratedAsync();
        var id = await EnqueueAsync(queries, expirySeconds: 600);
        await DequeueAsync(queries, visibilitySeconds: 600);
        Assert.Empty(await DequeueAsync(queries, visibilitySeconds: 600));

        var released = Assert.Single(await ConfirmAsync(queries, $"{id}:-1"));

        Assert.Equal(id, (long)released["messageid"]);
        var redelivered = Assert.Single(await DequeueAsync(queries, visibilitySeconds: 600));
        Assert.Equal((id, 2), ((long)redelivered["messageid"], (int)redelivered["dequeued"]));
        Assert.Equal([1, 2, 3], (byte[])redelivered["payload"]);
        Assert.Empty(await ConfirmAsync(queries, $"{id}:-1"));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_its_attempts_are_used_then_buried()
    {
        var queries = await MigratedAsync();
        var id = await EnqueueAsync(queries, expirySeconds: 600);

        await DequeueAsync(queries, visibilitySeconds: 600, maxAttempts: 2);
        await FailAsync(queries, id, maxAttempts: 2);
        Assert.Single(await DequeueAsync(queries, visibilitySeconds: 600, maxAttempts: 2));
        await FailAsync(queries, id, maxAttempts: 2);

        Assert.Empty(await DequeueAsync(queries, visibilitySeconds: 600, maxAttempts: 5));
        Assert.True(await Sql.ScalarAsync<bool>(
            queries.ConnectionString,
            $"SELECT dequeued = 2 AND remove_on - dead_on = interval '7 days' AND payload = '\\x010203' FROM stream_dead_letter WHERE message_id = {id}"));
    }

    [Fact]
    public async Task Dequeues_bury_expired_messages_at_most_once_per_interval()
    {
        var queries = await MigratedAsync();
        await EnqueueAsync(queries, expirySeconds: 0);

        Assert.Empty(await DequeueAsync(queries, visibilitySeconds: 60, evictionIntervalSeconds: 3600));
        await EnqueueAsync(queries, expirySeconds: 0);
        Assert.Empty(await DequeueAsync(queries, visibilitySeconds: 60, evictionIntervalSeconds: 3600));

        Assert.Equal(1L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_dead_letter"));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_message WHERE dead_on IS NULL"));
    }

    [Fact]
    public async Task Dead_letters_are_forgotten_once_their_removal_time_has_passed()
    {
        var queries = await MigratedAsync();
        await EnqueueAsync(queries, expirySeconds: 0);
        await DequeueAsync(queries, visibilitySeconds: 60, evictionIntervalSeconds: 0, removalSeconds: 0);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_dead_letter"));

        await DequeueAsync(queries, visibilitySeconds: 60, evictionIntervalSeconds: 0, removalSeconds: 0);

        Assert.Equal(0L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_dead_letter"));
    }

    [Fact]
    public async Task The_standalone_eviction_queries_bury_exhausted_messages_and_forget_due_dead_letters()
    {
        var queries = await MigratedAsync();
        var id = await EnqueueAsync(queries, expirySeconds: 600);
        await DequeueAsync(queries, visibilitySeconds: 0, maxAttempts: 1);

        await queries.RunAsync("EvictStreamMessagesKey", [.. Queue3, Number("MaxCount", 10), Number("MaxAttempts", 1), Number("RemovalTimeout", 0)]);
        Assert.Equal(id, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT message_id FROM stream_dead_letter"));
        await queries.RunAsync("EvictStreamDeadLettersKey", [.. Queue3, Number("MaxCount", 10)]);

        Assert.Equal(0L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM stream_message"));
    }

    private static readonly (string, object?, System.Data.DbType)[] Queue3 = [Text("ServiceId", "svc"), Text("ProviderId", "ingest"), Text("QueueId", Queue)];

    private async Task<StoredQueries> MigratedAsync()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        return new StoredQueries(database);
    }

    private static async Task<long> EnqueueAsync(StoredQueries queries, int expirySeconds)
    {
        var ack = Assert.Single(await queries.RunAsync("QueueStreamMessageKey", [.. Queue3, Bytes("Payload", [1, 2, 3]), Number("ExpiryTimeout", expirySeconds)]));
        return (long)ack["messageid"];
    }

    private static Task<List<Dictionary<string, object>>> DequeueAsync(
        StoredQueries queries, int visibilitySeconds, int maxAttempts = 5, int evictionIntervalSeconds = 60, int removalSeconds = 600) =>
        queries.RunAsync(
            "GetStreamMessagesKey",
            [
                .. Queue3, Number("MaxCount", 10), Number("MaxAttempts", maxAttempts), Number("VisibilityTimeout", visibilitySeconds),
                Number("RemovalTimeout", removalSeconds), Number("EvictionInterval", evictionIntervalSeconds), Number("EvictionBatchSize", 100),
            ]);

    private static Task<List<Dictionary<string, object>>> ConfirmAsync(StoredQueries queries, string items) =>
        queries.RunAsync("ConfirmStreamMessagesKey", [.. Queue3, Text("Items", items)]);

    private static Task FailAsync(StoredQueries queries, long id, int maxAttempts) =>
        queries.RunAsync("FailStreamMessageKey", [.. Queue3, Long("MessageId", id), Number("MaxAttempts", maxAttempts), Number("RemovalTimeout", 7 * 24 * 3600)]);
}
