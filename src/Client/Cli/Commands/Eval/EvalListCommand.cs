using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Spectre.Console;

namespace Similarity.Cli.Commands.Eval;

/// <summary><c>simctl eval list --cluster CONN</c>: a cluster's evaluation jobs, oldest first, with their state and progress.</summary>
internal static class EvalListCommand
{
    public static Command Create()
    {
        var cluster = new JobCluster();
        var json = CommandOutput.JsonSwitch();
        var command = new Command("list", "List the evaluation jobs of a cluster: id, suite, split, model, state, tasks done, submitted.");
        cluster.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await cluster.ConnectAsync(parse, "list", cancellationToken);
            var jobs = await client.Evaluations.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(jobs);
            }
            else
            {
                WriteTable(jobs);
            }

            return 0;
        });
        return command;
    }

    private static void WriteJson(EvaluationJobStatus[] jobs)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("jobs");
            foreach (var job in jobs)
            {
                EvalStatusCommand.Write(json, job);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static void WriteTable(EvaluationJobStatus[] jobs)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"{jobs.Length} evaluation job(s)");
        if (jobs.Length == 0)
        {
            return;
        }

        // Ids whole on one line (the other columns wrap first): they are what a user copies into the next command.
        var table = new Table().AddColumn(new TableColumn("job").NoWrap()).AddColumns("suite", "split", "model", "state", "tasks", "submitted");
        foreach (var job in jobs)
        {
            table.AddRow(
                Markup.Escape(job.Id),
                Markup.Escape(job.Suite),
                Markup.Escape(job.Split),
                Markup.Escape(job.Model),
                EvalStatusCommand.Name(job.State),
                string.Create(CultureInfo.InvariantCulture, $"{job.TasksDone}/{job.Tasks}"),
                job.SubmittedAt.ToString("u", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
