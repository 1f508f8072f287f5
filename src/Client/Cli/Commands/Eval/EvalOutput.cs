using System.Text;
using Similarity.Cli.IO;
using Similarity.Grains.Evaluation.Reports;

namespace Similarity.Cli.Commands.Eval;

/// <summary>
/// Where an evaluation report goes, the same for <c>simctl eval</c> and <c>simctl eval report</c>: the JSON to
/// <c>--output</c> and the table to stdout; without <c>--output</c> the JSON to stdout (for scripts) and the table to
/// stderr, unless <c>--report-dir</c> is given, which takes report.json, report.md and report.html and leaves stdout the table.
/// </summary>
internal static class EvalOutput
{
    public static async Task WriteAsync(EvaluationReport report, string? output, string? reportDir, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Makes the report folder before any work, so a path that cannot hold a report fails first.</summary>
    public static void Prepare(string? reportDir)
    {
        if (!string.IsNullOrEmpty(reportDir))
        {
            ReportFolder.Prepare(reportDir);
        }
    }

    private static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }
    }
}
