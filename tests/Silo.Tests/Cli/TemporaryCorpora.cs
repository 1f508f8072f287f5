using System.Diagnostics;
using System.Globalization;
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

    /// <summary>
    /// A watcher process (psql in a shell loop, so the busy silos of this test process cannot delay it) that sends SIGINT
    /// to process <paramref name="pid"/> as soon as a temporary corpus of <paramref name="command"/> is stored: it exits 0
    /// once it has sent it, 1 if the process ended first.
    /// </summary>
    public static Process InterruptWhenStored(string connection, string command, int pid)
    {
        var database = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            while kill -0 "$SIMCTL_PID" 2>/dev/null; do
              stored=$(psql "$WATCH_DATABASE" -tAc "$WATCH_QUERY") || exit 2
              if [ "$stored" -gt 0 ]; then kill -INT "$SIMCTL_PID"; exit 0; fi
              sleep 0.01
            done
            exit 1
            """);
        start.Environment["SIMCTL_PID"] = pid.ToString(CultureInfo.InvariantCulture);
        start.Environment["WATCH_DATABASE"] = $"host={database.Host} port={database.Port} user={database.Username} dbname={database.Database}";
        start.Environment["WATCH_QUERY"] = LiveCorpora(command);
        if (database.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the watcher");
    }

    private static string LiveCorpora(string command) =>
        $"SELECT count(*) FROM grain_state WHERE grain_id_extension LIKE 'tmp-{command}-%' AND grain_id_extension NOT LIKE '%/%' AND payload IS NOT NULL";
}
