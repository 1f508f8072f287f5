using System.Globalization;
using System.Text;
using Similarity.Grains.Evaluation.Reports.Languages;
using Similarity.Grains.Evaluation.Reports.Tables;

namespace Similarity.Grains.Evaluation.Reports.Markdown;

/// <summary>
/// The report as GitHub-flavoured Markdown for people and pull requests: a summary line, the averages (all tasks, and
/// the monolingual and cross-lingual tasks apart where the suite has them), the per-task tables and, for multilingual
/// suites, the headline metric by language pair.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The whole document, ending with a newline.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Evaluation of ").Append(Code(report.Model)).Append(" on ").Append(Escape(report.Suite))
            .Append(" (").Append(Escape(report.Split)).AppendLine(")").AppendLine();
        WriteSummary(text, report);

        var averages = ReportTables.Averages(report);
        if (averages.Count > 0)
        {
            text.AppendLine("## Averages").AppendLine();
            WriteTables(text, averages);
            text.AppendLine(TaskAverager.Describe(report.Averaging)).AppendLine();
        }

        text.AppendLine("## Tasks").AppendLine();
        WriteTables(text, ReportTables.Tasks(report));

        if (HeadlineMetric.Of(MetricTables.Keys(report)) is { } headline && LanguageMatrix.TryBuild(report.Tasks, headline) is { } matrix)
        {
            text.Append("## ").Append(Code(headline)).AppendLine(" by language pair").AppendLine();
            text.AppendLine("Rows: the language of sentence 1; columns: the language of sentence 2.").AppendLine();
            WriteMatrix(text, matrix);
        }

        return text.ToString();
    }

    private static void WriteSummary(StringBuilder text, EvaluationReport report)
    {
        var pairs = report.Tasks.Sum(t => (long)t.PairCount);
        text.AppendLine("| model | suite | split | tasks | pairs | averaging |");
        text.AppendLine("|---|---|---|---:|---:|---|");
        text.Append("| ").Append(Escape(report.Model))
            .Append(" | ").Append(Escape(report.Suite))
            .Append(" | ").Append(Escape(report.Split))
            .Append(" | ").Append(report.Tasks.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" | ").Append(pairs > 0 ? pairs.ToString(CultureInfo.InvariantCulture) : "-")
            .Append(" | ").Append(EvaluationReportJson.AveragingName(report.Averaging))
            .AppendLine(" |").AppendLine();
    }

    private static void WriteTables(StringBuilder text, IReadOnlyList<TitledTable> tables)
    {
        foreach (var (title, table) in tables)
        {
            if (title is not null)
            {
                text.Append("### ").AppendLine(Escape(title)).AppendLine();
            }

            WriteRow(text, table.Corner, table.Columns);
            text.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", table.Columns.Count))).AppendLine("|");
            foreach (var row in table.Rows)
            {
                WriteRow(text, row.Label, Enumerable.Range(0, table.Columns.Count).Select(c => c < row.Values.Count ? MetricFormat.Format(row.Values[c]) : string.Empty));
            }

            text.AppendLine();
        }
    }

    private static void WriteMatrix(StringBuilder text, LanguageMatrix matrix)
    {
        var n = matrix.Languages.Count;
        WriteRow(text, string.Empty, matrix.Languages);
        text.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", n))).AppendLine("|");
        for (var row = 0; row < n; row++)
        {
            WriteRow(text, $"**{matrix.Languages[row]}**", Enumerable.Range(0, n).Select(c => matrix.Values[(row * n) + c] is { } v ? MetricFormat.Format(v) : string.Empty));
        }

        text.AppendLine();
    }

    private static void WriteRow(StringBuilder text, string label, IEnumerable<string> cells)
    {
        text.Append("| ").Append(Escape(label));
        foreach (var cell in cells)
        {
            text.Append(" | ").Append(Escape(cell));
        }

        text.AppendLine(" |");
    }

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
