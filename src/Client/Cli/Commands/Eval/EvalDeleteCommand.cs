using System.CommandLine;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Cli.Commands.Eval;

/// <summary><c>simctl eval delete JOB --cluster CONN</c>: removes a job's record and its tasks' data (a running job is cancelled first).</summary>
internal static class EvalDeleteCommand
{
    public static Command Create()
    {
        var job = new JobArguments();
        var command = new Command("delete", "Delete an evaluation job of a cluster and its tasks' data; a running job is cancelled first.");
        job.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = job.JobId(parse);
            await using var client = await job.ConnectAsync(parse, "delete", cancellationToken);
            try
            {
                await client.Evaluations.DeleteAsync(id, cancellationToken);
            }
            catch (InvalidRequestException e)
            {
                throw new CliException(e.Message, e);
            }

            Console.Out.WriteLine($"deleted evaluation job {id}");
            return 0;
        });
        return command;
    }
}
