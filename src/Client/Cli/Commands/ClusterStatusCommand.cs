using System.CommandLine;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Cluster;
using Spectre.Console;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl cluster-status</c>: the silos of a cluster as membership sees them, with address, status, device and models.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create()
    {
        var cluster = ClusterOptions.Connection("The cluster to list");
        cluster.Required = true;
        var clusterId = ClusterOptions.Id();
        var all = new Option<bool>("--all") { Description = "Also list silos that are no longer active (dead, shut down)" };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("cluster-status", "List the silos of a cluster: address, status, device, models, HTTP endpoint.") { cluster, clusterId, all, json };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetRequiredValue(cluster)!;
            ClusterOptions.Check(connection);
            var id = ClusterOptions.CheckedId(parse, clusterId);
            SiloDescription[] silos;
            try
            {
                await using var client = await SimilarityClient.ConnectAsync(new SimilarityClientOptions { Cluster = connection, ClusterId = id }, cancellationToken);
                silos = await client.ListSilosAsync(cancellationToken);
            }
            catch (ClusterUnavailableException e)
            {
                throw new CliException(e.Message, e);
            }

            if (!parse.GetValue(all))
            {
                silos = silos.Where(s => s.IsActive).ToArray();
            }

            if (parse.GetValue(json))
            {
                WriteJson(id, silos);
            }
            else
            {
                WriteTable(id, silos);
            }

            return 0;
        });

        return command;
    }

    private static void WriteJson(string clusterId, SiloDescription[] silos)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("cluster", clusterId);
            json.WriteStartArray("silos");
            foreach (var silo in silos)
            {
                json.WriteStartObject();
                json.WriteString("address", silo.Address);
                json.WriteString("name", silo.Name);
                json.WriteString("host", silo.HostName);
                json.WriteString("status", silo.Status);
                json.WriteString("device", silo.Device?.Name());
                json.WriteStartArray("models");
                foreach (var model in silo.Models)
                {
                    json.WriteStringValue(model);
                }

                json.WriteEndArray();
                json.WriteString("http", silo.HttpEndpoint);
                json.WriteString("started_at", silo.StartedAt);
                json.WriteString("alive_at", silo.IAmAliveAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static void WriteTable(string clusterId, SiloDescription[] silos)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"cluster [bold]{Markup.Escape(clusterId)}[/]: {silos.Count(s => s.IsActive)} active silo(s)");
        if (silos.Length == 0)
        {
            return;
        }

        var table = new Table().AddColumns("silo", "address", "status", "device", "models", "http", "started");
        foreach (var silo in silos)
        {
            table.AddRow(
                Markup.Escape(silo.Name),
                Markup.Escape(silo.Address),
                silo.Status,
                silo.Device?.Name() ?? "-",
                Markup.Escape(string.Join(", ", silo.Models)),
                Markup.Escape(silo.HttpEndpoint ?? "-"),
                silo.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
