using System.Text;
using Similarity.Grains.Evaluation.Reports.Html;
using Similarity.Grains.Evaluation.Reports.Markdown;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// Writes a report's three forms into one folder: <c>report.json</c> (for machines: exactly what <c>simctl eval
/// --output</c> writes), <c>report.md</c> (people, pull requests) and <c>report.html</c> (a self-contained page with
/// plots). Each file is written beside its final name first and then renamed over it, so a reader never sees half a report.
/// </summary>
public static class ReportFolder
{
    public const string JsonFile = "report.json";
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files into <paramref name="folder"/>, creating it (and its parents) if needed; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, EvaluationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(report);
        Prepare(folder);
        (string Name, string Text)[] files =
        [
            (JsonFile, EvaluationReportJson.Document(report)),
            (MarkdownFile, MarkdownReport.Render(report)),
            (HtmlFile, HtmlReport.Render(report)),
        ];
        var paths = new List<string>(files.Length);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            var partial = path + ".partial";
            await File.WriteAllTextAsync(partial, text, Utf8, cancellationToken).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>
    /// Creates <paramref name="folder"/> if it does not exist, so a path that cannot hold a report fails before an
    /// evaluation spends minutes on a model; a path that is a file is an <see cref="IOException"/> naming it.
    /// </summary>
    public static void Prepare(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (File.Exists(folder))
        {
            throw new IOException($"report folder '{folder}' is a file; give a folder for report.json, report.md and report.html");
        }

        Directory.CreateDirectory(folder);
    }
}
