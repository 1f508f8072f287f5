using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Corpora.Operations;
using Spectre.Console;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus operations NAME</c>: the corpus's operations whose records exist (detached ones, and blocking ones still
/// running or whose client died), for an operator to follow or delete them (<c>corpus operation-delete</c>).
/// </summary>
internal static class CorpusOperationsCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var json = CommandOutput.JsonSwitch();
        var command = new Command("operations", "List a corpus's mining and community operations: id, kind, status, tiles done, started.");
        corpus.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var operations = await CorpusArguments.ExplainAsync(session, () => session.Client.CorpusOperations.ListAsync(name, cancellationToken));
            if (parse.GetValue(json))
            {
                WriteJson(name, operations);
            }
            else
            {
                WriteTable(name, operations);
            }

            return 0;
        });
        return command;
    }

    private static void WriteJson(string corpus, OperationProgress[] operations)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("corpus", corpus);
            writer.WriteStartArray("operations");
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("id", operation.Id);
                writer.WriteString("kind", Name(operation.Kind));
                writer.WriteString("status", Name(operation.Status));
                writer.WriteNumber("tiles_done", operation.TilesDone);
                writer.WriteNumber("tiles_total", operation.TilesTotal);
                writer.WriteString("started_at", operation.StartedAt);
                writer.WriteString("error", operation.Error);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static void WriteTable(string corpus, OperationProgress[] operations)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"corpus [bold]{Markup.Escape(corpus)}[/]: {operations.Length} operation(s)");
        if (operations.Length == 0)
        {
            return;
        }

        // Ids whole on one line (the other columns wrap first): they are what a user copies into the next command.
        var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumns("kind", "status", "tiles", "started", "error");
        foreach (var operation in operations)
        {
            table.AddRow(
                Markup.Escape(operation.Id),
                Name(operation.Kind),
                Name(operation.Status),
                string.Create(CultureInfo.InvariantCulture, $"{operation.TilesDone}/{operation.TilesTotal}"),
                operation.StartedAt.ToString("u", CultureInfo.InvariantCulture),
                Markup.Escape(operation.Error ?? "-"));
        }

        console.Write(table);
    }

    /// <summary>The kind as the commands that start it are named: <c>mine</c>, <c>cluster</c>.</summary>
    private static string Name(OperationKind kind) => kind.ToString().ToLowerInvariant();

    private static string Name(OperationStatus status) => status.ToString().ToLowerInvariant();
}
