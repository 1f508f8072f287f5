using System.CommandLine;
using Similarity.Cli.Commands.Eval;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation.Jobs.Running;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl eval</c>: evaluates a bi-encoder or a cross-encoder on a benchmark suite split with sentence-transformers'
/// metric definitions, as an evaluation job: this command reads the suite, submits its tasks' pairs to a job on the
/// silos (a silo in this process, or with <c>--cluster</c> the cluster's), shows its progress and writes its report
/// (<see cref="EvalOutput"/>). With <c>--cluster</c> it prints the job's id on stderr, for <c>eval status</c> and
/// <c>eval report</c> (and <c>eval list</c>, <c>eval cancel</c>, <c>eval delete</c>) to find the job after this command has gone.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var suiteOption = new Option<string>("--suite")
        {
            Description = "Suite: " + string.Join(", ", SuiteCatalog.Default.Suites.Select(s => s.Name)) + ".",
            Required = true,
        };
        var dataOption = new Option<string>("--data") { Description = "Data folder holding the suite's folder (e.g. data/stsb).", Required = true };
        var splitOption = new Option<string>("--split")
        {
            Description = "test, dev or train.",
            DefaultValueFactory = _ => SplitNames.Test,
        };
        var outputOption = CommandOutput.Option("the JSON report", "stdout, with the table on stderr, unless --report-dir is given");
        var reportDirOption = ReportDirOption();
        var command = new Command("eval", "Evaluate a model on a benchmark suite (STS correlations or pair classification); 'eval status', 'eval report', 'eval list', 'eval cancel' and 'eval delete' query and manage a cluster's jobs.");
        model.AddTo(command);
        command.Options.Add(suiteOption);
        command.Options.Add(dataOption);
        command.Options.Add(splitOption);
        command.Options.Add(outputOption);
        command.Options.Add(reportDirOption);
        command.Subcommands.Add(EvalStatusCommand.Create());
        command.Subcommands.Add(EvalReportCommand.Create());
        command.Subcommands.Add(EvalListCommand.Create());
        command.Subcommands.Add(EvalCancelCommand.Create());
        command.Subcommands.Add(EvalDeleteCommand.Create());
        command.SetAction((parse, cancellationToken) => RunAsync(
            model.Request(parse),
            parse.GetValue(suiteOption)!,
            parse.GetValue(dataOption)!,
            parse.GetValue(splitOption)!,
            parse.GetValue(outputOption),
            parse.GetValue(reportDirOption),
            cancellationToken));
        return command;
    }

    /// <summary>The <c>--report-dir</c> option of <c>eval</c> and <c>eval report</c>.</summary>
    public static Option<string?> ReportDirOption() => new("--report-dir")
    {
        Description = "Folder to write report.json (as --output), report.md and report.html (plots, no network needed) into; created if missing.",
    };

    private static async Task<int> RunAsync(
        ModelRequest request,
        string suite,
        string data,
        string split,
        string? output,
        string? reportDir,
        CancellationToken cancellationToken)
    {
        if (!SplitNames.IsKnown(split))
        {
            throw new CliException($"unknown --split '{split}'; expected {string.Join(", ", SplitNames.All)}");
        }

        // Read the data and make the report folder first: neither kind of mistake should wait for a model or a job.
        var loaded = SuiteCatalog.Default.Find(suite).Load(data, split);
        EvalOutput.Prepare(reportDir);

        await using var connection = await ModelConnection.OpenAsync(request, expected: null, cancellationToken);
        var jobs = connection.Client.Evaluations;
        string id;
        try
        {
            id = await jobs.SubmitAsync(PairTaskData.Request(loaded, connection.ServedName, request.Device), cancellationToken);
        }
        catch (InvalidRequestException e)
        {
            throw new CliException($"the cluster refused the evaluation of {loaded.Suite} {split}: {e.Message}", e);
        }

        if (!connection.IsEmbedded)
        {
            await Console.Error.WriteLineAsync($"evaluation job {id} submitted to cluster '{request.ClusterId}' (simctl eval status|report {id} --cluster ... find it later)");
        }

        var report = await JobFollower.ReportAsync(jobs, id, $"{loaded.Suite} {split} {connection.DisplayName}", connection.DisplayName, cancellationToken);
        await EvalOutput.WriteAsync(report, output, reportDir, cancellationToken);
        return 0;
    }
}
