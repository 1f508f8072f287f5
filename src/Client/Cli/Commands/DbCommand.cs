using System.CommandLine;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Silo.Schema;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl db migrate</c>: creates or upgrades a cluster's PostgreSQL schema (silos also do it at start).</summary>
internal static class DbCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var db = new Command("db", "Manage a cluster's PostgreSQL database.");
        db.Subcommands.Add(Migrate());
        return db;
    }

    private static Command Migrate()
    {
        var cluster = new Option<string>("--cluster") { Description = "PostgreSQL connection string of the cluster (Host=...;Port=...;Username=...;Database=...)", Required = true };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("migrate", "Create or upgrade the cluster schema; print the versions applied.") { cluster, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await ClusterSchema.MigrateAsync(parse.GetRequiredValue(cluster), cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(result);
            }
            else
            {
                Console.Out.WriteLine(result.WasUpToDate
                    ? $"up to date: {result.Database} is at schema version {result.Version}"
                    : $"applied {string.Join(", ", result.Applied.Select(m => m.FileName))}: {result.Database} is at schema version {result.Version}");
            }

            return 0;
        });
        return command;
    }

    private static void WriteJson(SchemaMigrationResult result)
    {
        var report = new
        {
            database = result.Database,
            previous_version = result.PreviousVersion,
            version = result.Version,
            applied = result.Applied.Select(m => new { version = m.Version, name = m.Name }),
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(report, Indented));
    }
}
