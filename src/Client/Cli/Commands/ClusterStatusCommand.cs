using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;
using Spectre.Console;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl cluster-status</c>: the live silos of a cluster, their roles, models and load, from membership.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string of the cluster's membership", Required = true };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster to list", DefaultValueFactory = _ => "default" };
        var staleAfter = new Option<int>("--stale-after") { Description = "Seconds without a heartbeat after which a silo counts as dead", DefaultValueFactory = _ => 15 };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("cluster-status", "List the live silos of a cluster: roles, models and load.") { postgres, clusterId, staleAfter, json };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(staleAfter);
            if (seconds <= 0)
            {
                throw new CliException($"--stale-after must be positive, got {seconds}");
            }

            ClusterStatus status;
            await using (var table = new PostgresMembershipTable(parse.GetRequiredValue(postgres)))
            {
                try
                {
                    status = await table.ReadLiveAsync(parse.GetRequiredValue(clusterId), TimeSpan.FromSeconds(seconds), cancellationToken);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
                {
                    throw new CliException("no membership table in that database: no silo has ever joined a cluster there");
                }
                catch (Npgsql.NpgsqlException e)
                {
                    throw new CliException($"cannot read membership from PostgreSQL: {e.Message}", e);
                }
            }

            if (parse.GetValue(json))
            {
                WriteJson(status);
            }
            else
            {
                WriteTable(status);
            }

            return 0;
        });

        return command;
    }

    private static void WriteJson(ClusterStatus status)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("cluster", status.ClusterId);
            json.WriteString("observed_at", status.ObservedAt);
            json.WriteStartArray("silos");
            foreach (var silo in status.Silos)
            {
                json.WriteStartObject();
                json.WriteString("id", silo.SiloId);
                json.WriteString("host", silo.HostName);
                json.WriteNumber("pid", silo.ProcessId);
                json.WriteString("device", silo.Device.Name());
                WriteStrings(json, "roles", silo.Roles);
                WriteStrings(json, "models", silo.Models);
                json.WriteString("status", silo.Status.ToString().ToLowerInvariant());
                json.WriteNumber("in_flight", silo.Load.InFlight);
                json.WriteNumber("capacity", silo.Load.Capacity);
                json.WriteNumber("completed", silo.Load.Completed);
                json.WriteString("http", silo.HttpEndpoint);
                json.WriteString("started_at", silo.StartedAt);
                json.WriteString("heartbeat_at", silo.HeartbeatAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteTable(ClusterStatus status)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"cluster [bold]{Markup.Escape(status.ClusterId)}[/]: {status.Silos.Count} live silo(s)");
        if (status.Silos.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("silo", "device", "roles", "models", "status", "in flight", "completed", "heartbeat", "http");
        foreach (var silo in status.Silos)
        {
            var age = (status.ObservedAt - silo.HeartbeatAt).TotalSeconds;
            table.AddRow(
                Markup.Escape(silo.SiloId),
                silo.Device.Name(),
                Markup.Escape(string.Join(", ", silo.Roles)),
                Markup.Escape(string.Join(", ", silo.Models)),
                silo.Status.ToString().ToLowerInvariant(),
                $"{silo.Load.InFlight}/{silo.Load.Capacity}",
                silo.Load.Completed.ToString(CultureInfo.InvariantCulture),
                $"{Math.Max(0, age):0.0} s ago",
                Markup.Escape(silo.HttpEndpoint ?? "-"));
        }

        console.Write(table);
    }
}
