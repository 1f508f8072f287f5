using Npgsql;
using Similarity.Silo.Tests.Schema;

namespace Similarity.Silo.Tests.Cli;

/// <summary>What a cluster's database still holds of the temporary corpora one-shot commands made: their grain state and their rows.</summary>
internal static class TemporaryCorpora
{
    /// <summary>
    /// Corpora named <c>tmp-COMMAND-...</c> that ever had grain state, and how many of them still have it (not deleted).
    /// Shards (<c>NAME/INDEX</c>) are left out: a deleted shard keeps the ids of aborted adds it must not store.
    /// </summary>
    public static async Task<(long Made, long Live)> CountAsync(string connection, string command)
    {
        var pattern = $"tmp-{command}-%";
        var made = await Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM grain_state WHERE grain_id_extension LIKE '{pattern}' AND grain_id_extension NOT LIKE '%/%'");
        var live = await Sql.ScalarAsync<long>(connection, LiveCorpora(command));
        return (made, live);
    }

    /// <summary>Stored row blocks of temporary corpora of <paramref name="command"/>.</summary>
    public static Task<long> BlocksAsync(string connection, string command) =>
        Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM corpus_block WHERE corpus LIKE 'tmp-{command}-%'");

    /// <summary>A connection of its own that asks, synchronously, how many temporary corpora of <paramref name="command"/> are stored now.</summary>
    public static Watcher Watch(string connection, string command) => new(connection, command);

    /// <summary>For a watcher thread of its own: one open connection and one prepared count.</summary>
    public sealed class Watcher : IDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _count;

        internal Watcher(string connection, string command)
        {
            _connection = new NpgsqlConnection(connection);
            _connection.Open();
            _count = new NpgsqlCommand(LiveCorpora(command), _connection);
        }

        public long Live() => (long)_count.ExecuteScalar()!;

        public void Dispose()
        {
            _count.Dispose();
            _connection.Dispose();
        }
    }

    private static string LiveCorpora(string command) =>
        $"SELECT count(*) FROM grain_state WHERE grain_id_extension LIKE 'tmp-{command}-%' AND grain_id_extension NOT LIKE '%/%' AND payload IS NOT NULL";
}
