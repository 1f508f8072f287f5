using Similarity.Silo.Schema;
using static Similarity.Silo.Tests.Schema.StoredQueries;

using Similarity.Silo.Tests.Servers;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// The grain state queries run as Persistence.AdoNet runs them, for what a live grain cannot stage: activations of one
/// grain racing to write its first state.
/// </summary>
[Collection(PostgresCollection.Name)]
public class GrainStateQueriesTests(PostgresDatabases databases)
{
    [Fact]
    public async Task Of_first_writes_racing_for_one_grain_exactly_one_creates_its_state()
    {
        var queries = await MigratedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => FirstWriteAsync(queries, extension: "same-grain", payload: (byte)i))));

        Assert.Single(answers, a => a is 1);
        Assert.Equal(7, answers.Count(a => a is null));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task A_key_without_text_and_one_with_empty_text_are_different_grains()
    {
        var queries = await MigratedAsync();

        Assert.Equal(1, await FirstWriteAsync(queries, extension: null, payload: 1));
        Assert.Equal(1, await FirstWriteAsync(queries, extension: "", payload: 2));
        Assert.Null(await FirstWriteAsync(queries, extension: null, payload: 3));

        Assert.Equal(2L, await Sql.ScalarAsync<long>(queries.ConnectionString, "SELECT count(*) FROM grain_state"));
    }

    private async Task<StoredQueries> MigratedAsync()
    {
        var database = await databases.CreateAsync();
        await ClusterSchema.MigrateAsync(database, default);
        return new StoredQueries(database);
    }

    private static async Task<int?> FirstWriteAsync(StoredQueries queries, string? extension, byte payload)
    {
        var answer = Assert.Single(await queries.RunAsync(
            "WriteToStorageKey",
            Number("GrainIdHash", 12345), Long("GrainIdN0", 0), Long("GrainIdN1", 7), Number("GrainTypeHash", 678), Text("GrainTypeString", "counter"),
            Text("GrainIdExtensionString", extension), Text("ServiceId", "svc"), Number("GrainStateVersion", null), Bytes("PayloadBinary", [payload])));
        return answer["newgrainstateversion"] is int version ? version : null;
    }
}
