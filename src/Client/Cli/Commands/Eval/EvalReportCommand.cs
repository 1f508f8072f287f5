using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// <c>simctl eval report JOB --cluster CONN [--report-dir DIR] [--output FILE] [--wait]</c>: a cluster's job's report,
/// written as <c>simctl eval</c> writes it, from any client, also after the one that submitted the job has gone.
/// </summary>
internal static class EvalReportCommand
{
    public static Command Create()
    {
        var job = new JobArguments();
        var output = CommandOutput.Option("the JSON report", "stdout, with the table on stderr, unless --report-dir is given");
        var reportDir = EvalCommand.ReportDirOption();
        var wait = new Option<bool>("--wait") { Description = "Follow a running job (with a progress bar on a terminal) until it ends, instead of refusing." };
        var command = new Command("report", "Write the report of an evaluation job of a cluster, as simctl eval does.");
        job.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(reportDir);
        command.Options.Add(wait);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = job.JobId(parse);
            EvalOutput.Prepare(parse.GetValue(reportDir));
            await using var client = await job.ConnectAsync(parse, "report", cancellationToken);
            var jobs = client.Evaluations;
            try
            {
                var status = await jobs.GetStatusAsync(id, cancellationToken);
                if (status.State == EvaluationJobState.Running && !parse.GetValue(wait))
                {
                    throw new CliException(
                        $"evaluation job {id} is still running ({status.TasksDone} of {status.Tasks} tasks done); add --wait to follow it to its end");
                }

                var report = await JobFollower.ReportAsync(jobs, id, $"{status.Suite} {status.Split} {status.Model}", status.Model, cancellationToken);
                await EvalOutput.WriteAsync(report, parse.GetValue(output), parse.GetValue(reportDir), cancellationToken);
            }
            catch (InvalidRequestException e)
            {
                throw new CliException(e.Message, e);
            }

            return 0;
        });
        return command;
    }
}
