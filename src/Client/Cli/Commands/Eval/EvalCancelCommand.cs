using System.CommandLine;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// <c>simctl eval cancel JOB --cluster CONN</c>: stops a running job (no task starts any more, results of running tasks
/// are dropped, its report is refused); a job that has ended is left as it is, and the command says so.
/// </summary>
internal static class EvalCancelCommand
{
    public static Command Create()
    {
        var job = new JobArguments();
        var command = new Command("cancel", "Cancel a running evaluation job of a cluster: no task starts any more and it has no report.");
        job.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = job.JobId(parse);
            await using var client = await job.ConnectAsync(parse, "cancel", cancellationToken);
            var before = await StatusAsync(() => client.Evaluations.GetStatusAsync(id, cancellationToken));
            var after = await StatusAsync(() => client.Evaluations.CancelAsync(id, cancellationToken));
            Console.Out.WriteLine(before.State == EvaluationJobState.Running && after.State == EvaluationJobState.Cancelled
                ? $"cancelled evaluation job {id} ({after.TasksDone} of {after.Tasks} tasks had finished)"
                : $"evaluation job {id} had already ended: {EvalStatusCommand.Name(after.State)}");
            return 0;
        });
        return command;
    }

    private static async Task<EvaluationJobStatus> StatusAsync(Func<Task<EvaluationJobStatus>> call)
    {
        try
        {
            return await call();
        }
        catch (InvalidRequestException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
