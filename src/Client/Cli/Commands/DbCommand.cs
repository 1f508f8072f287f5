using System.CommandLine;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Silo.Schema;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl db migrate</c>: creates or upgrades a cluster's PostgreSQL schema (silos also do it at start).</summary>
internal static class DbCommand
{
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
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("database", result.Database);
            json.WriteNumber("previous_version", result.PreviousVersion);
            json.WriteNumber("version", result.Version);
            json.WriteStartArray("applied");
            foreach (var migration in result.Applied)
            {
                json.WriteStartObject();
                json.WriteNumber("version", migration.Version);
                json.WriteString("name", migration.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }
}
