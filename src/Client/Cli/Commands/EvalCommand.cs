using System.CommandLine;
using System.Text;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Inference.Models.Folders;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl eval</c>: evaluates a bi-encoder or a cross-encoder (decided by its folder, or with <c>--cluster</c> by what
/// the silos serve under that name) on a benchmark suite split with sentence-transformers' metric definitions. The JSON report goes to <c>--output</c> and the table to stdout; without
/// <c>--output</c> the report goes to stdout (for scripts) and the table to stderr. <c>--report-dir</c> also writes
/// report.json, report.md and report.html there; with it and no <c>--output</c> the table goes to stdout and nothing else.
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
        var reportDirOption = new Option<string?>("--report-dir")
        {
            Description = "Folder to write report.json (as --output), report.md and report.html (plots, no network needed) into; created if missing.",
        };
        var command = new Command("eval", "Evaluate a model on a benchmark suite (STS correlations or pair classification).");
        model.AddTo(command);
        command.Options.Add(suiteOption);
        command.Options.Add(dataOption);
        command.Options.Add(splitOption);
        command.Options.Add(outputOption);
        command.Options.Add(reportDirOption);
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

        var runner = new SuiteRunner();

        // Read the data and make the report folder first: neither kind of mistake should wait for a model to load.
        var loadedSuite = runner.Load(suite, data, split);
        if (!string.IsNullOrEmpty(reportDir))
        {
            ReportFolder.Prepare(reportDir);
        }

        await using var model = await ModelSource.OpenAsync(request, expected: null, cancellationToken);
        var report = await TerminalProgress.RunAsync($"{loadedSuite.Suite} {split} {model.Name}", progress =>
        {
            var reporter = new Progress(progress);
            return model.Kind == ModelFolderKind.SentenceTransformer
                ? runner.RunAsync(loadedSuite, model.Encoder, model.Name, reporter, cancellationToken)
                : runner.RunAsync(loadedSuite, model.Classifier, model.Name, reporter, cancellationToken);
        });

        if (!string.IsNullOrEmpty(reportDir))
        {
            await ReportFolder.WriteAsync(reportDir, report, cancellationToken);
        }

        var json = EvaluationReportJson.Document(report);
        var table = EvaluationTableRenderer.Render(report);
        if (!string.IsNullOrEmpty(output) && output != "-")
        {
            await WriteAsync(CommandOutput.OpenStream(output), json, cancellationToken);
            await Console.Out.WriteAsync(table);
        }
        else if (string.IsNullOrEmpty(output) && !string.IsNullOrEmpty(reportDir))
        {
            await Console.Out.WriteAsync(table);
        }
        else
        {
            await Console.Error.WriteAsync(table);
            await WriteAsync(CommandOutput.OpenStream(output), json, cancellationToken);
        }

        return 0;
    }

    private static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }
    }

    /// <summary>Forwards evaluation progress to the bar as it arrives (no synchronisation context to post to).</summary>
    private sealed class Progress(TerminalProgress.IProgressSink sink) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => sink.Report(value.Completed, value.Total);
    }
}
