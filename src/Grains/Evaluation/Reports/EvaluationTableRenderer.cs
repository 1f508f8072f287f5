using System.Text;
using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Evaluation.Reports.Tables;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// Renders a report as plain aligned text for terminals (see <see cref="MetricTables"/> for the layout): a row per task
/// plus the average, or a measure-by-function block per task.
/// </summary>
public static class EvaluationTableRenderer
{
    /// <summary>The whole report as lines of text, ending with a newline.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("model: ").Append(report.Model)
            .Append("   suite: ").Append(report.Suite)
            .Append("   split: ").Append(report.Split)
            .AppendLine();
        text.AppendLine();

        var keys = MetricTables.Keys(report);
        if (!MetricTables.ByFunctionLayout(keys))
        {
            var rows = report.Tasks.Select(t => (t.Name, t.Metrics)).ToList();
            if (report.Tasks.Count > 1)
            {
                rows.Add((report.Averaging == TaskAveraging.FisherZ ? "average (Fisher z)" : "average", report.Average));
            }

            WriteTable(text, MetricTables.ByRow("task", keys, rows), separatorBeforeLast: report.Tasks.Count > 1);
            return text.ToString();
        }

        foreach (var task in report.Tasks)
        {
            text.Append("task: ").AppendLine(task.Name);
            WriteTable(text, MetricTables.ByFunction(task.Metrics), separatorBeforeLast: false);
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void WriteTable(StringBuilder text, MetricTable table, bool separatorBeforeLast)
    {
        List<string[]> rows = [[table.Corner, .. table.Columns]];
        rows.AddRange(table.Rows.Select(r => (string[])[r.Label, .. r.Values.Select(MetricFormat.Format)]));
        var widths = new int[rows.Max(r => r.Length)];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (r == 1 || (separatorBeforeLast && r == rows.Count - 1))
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }

            var cells = rows[r].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
