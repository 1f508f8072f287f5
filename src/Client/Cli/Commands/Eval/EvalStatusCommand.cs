using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Cli.Commands.Eval;

/// <summary><c>simctl eval status JOB --cluster CONN</c>: a job's state and progress, and its error if it failed.</summary>
internal static class EvalStatusCommand
{
    public static Command Create()
    {
        var job = new JobArguments();
        var json = CommandOutput.JsonSwitch();
        var command = new Command("status", "Show an evaluation job of a cluster: state, tasks done, pairs encoded, error.");
        job.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = job.JobId(parse);
            await using var client = await job.ConnectAsync(parse, "status", cancellationToken);
            EvaluationJobStatus status;
            try
            {
                status = await client.Evaluations.GetStatusAsync(id, cancellationToken);
            }
            catch (InvalidRequestException e)
            {
                throw new CliException(e.Message, e);
            }

            await Console.Out.WriteAsync(parse.GetValue(json) ? Json(status) : Text(status));
            return 0;
        });
        return command;
    }

    /// <summary>The status for people: what, where it is, how far, and why it failed.</summary>
    internal static string Text(EvaluationJobStatus status)
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"job: {status.Id}   model: {status.Model} ({status.Device.Name()})   suite: {status.Suite}   split: {status.Split}\n");
        text.Append(CultureInfo.InvariantCulture, $"state: {Name(status.State)}   tasks: {status.TasksDone}/{status.Tasks} done   pairs: {status.PairsEncoded}/{status.Pairs} encoded\n");
        text.Append(CultureInfo.InvariantCulture, $"submitted: {status.SubmittedAt:u}");
        if (status.FinishedAt is { } finished)
        {
            text.Append(CultureInfo.InvariantCulture, $"   finished: {finished:u}");
        }

        text.Append('\n');
        if (status.Error is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"error: {error}\n");
        }

        return text.ToString();
    }

    /// <summary>The status for machines: one JSON object.</summary>
    internal static string Json(EvaluationJobStatus status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, status);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the status as one JSON object (also an item of <c>eval list --json</c>).</summary>
    internal static void Write(Utf8JsonWriter json, EvaluationJobStatus status)
    {
        json.WriteStartObject();
        json.WriteString("job", status.Id);
        json.WriteString("model", status.Model);
        json.WriteString("device", status.Device.Name());
        json.WriteString("suite", status.Suite);
        json.WriteString("split", status.Split);
        json.WriteString("state", Name(status.State));
        json.WriteNumber("tasks", status.Tasks);
        json.WriteNumber("tasks_done", status.TasksDone);
        json.WriteNumber("pairs", status.Pairs);
        json.WriteNumber("pairs_encoded", status.PairsEncoded);
        json.WriteString("submitted_at", status.SubmittedAt);
        if (status.FinishedAt is { } finished)
        {
            json.WriteString("finished_at", finished);
        }
        else
        {
            json.WriteNull("finished_at");
        }

        json.WriteString("error", status.Error);
        json.WriteEndObject();
    }

    /// <summary>The state as the commands print it: <c>running</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    internal static string Name(EvaluationJobState state) => state.ToString().ToLowerInvariant();
}
