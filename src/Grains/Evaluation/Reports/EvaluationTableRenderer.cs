using System.Globalization;
using System.Text;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// Renders a report as plain aligned text for terminals. Few metrics (STS, cross-encoders): one row per task plus the
/// average, one column per metric. Many metrics (pair classification): a block per task with one row per measure and
/// one column per similarity function.
/// </summary>
public static class EvaluationTableRenderer
{
    private const int MaxMetricColumns = 8;

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

        var keys = report.Tasks.Count > 0 ? report.Tasks[0].Metrics.Keys.ToList() : [];
        if (keys.Count <= MaxMetricColumns)
        {
            RenderTaskRows(text, report, keys);
        }
        else
        {
            RenderTaskBlocks(text, report);
        }

        return text.ToString();
    }

    private static void RenderTaskRows(StringBuilder text, EvaluationReport report, List<string> keys)
    {
        List<string[]> rows = [["task", .. keys]];
        foreach (var task in report.Tasks)
        {
            rows.Add([task.Name, .. keys.Select(k => Format(task.Metrics, k))]);
        }

        if (report.Tasks.Count > 1)
        {
            var label = report.Averaging == TaskAveraging.FisherZ ? "average (Fisher z)" : "average";
            rows.Add([label, .. keys.Select(k => Format(report.Average, k))]);
        }

        WriteTable(text, rows, separatorBeforeLast: report.Tasks.Count > 1);
    }

    private static void RenderTaskBlocks(StringBuilder text, EvaluationReport report)
    {
        foreach (var task in report.Tasks)
        {
            text.Append("task: ").AppendLine(task.Name);
            var functions = SimilarityFunctionNames.All.Select(f => f.Name())
                .Where(f => task.Metrics.Keys.Any(k => k.StartsWith(f + "_", StringComparison.Ordinal)))
                .ToList();
            var measures = new List<string>();
            var other = new List<string>();
            foreach (var key in task.Metrics.Keys)
            {
                var function = functions.FirstOrDefault(f => key.StartsWith(f + "_", StringComparison.Ordinal));
                if (function is null)
                {
                    other.Add(key);
                    continue;
                }

                var measure = key[(function.Length + 1)..];
                if (!measures.Contains(measure))
                {
                    measures.Add(measure);
                }
            }

            List<string[]> rows = [["measure", .. functions]];
            foreach (var measure in measures)
            {
                rows.Add([measure, .. functions.Select(f => Format(task.Metrics, $"{f}_{measure}"))]);
            }

            foreach (var key in other)
            {
                rows.Add([key, Format(task.Metrics, key), .. functions.Skip(1).Select(_ => string.Empty)]);
            }

            WriteTable(text, rows, separatorBeforeLast: false);
            text.AppendLine();
        }
    }

    private static string Format(IReadOnlyDictionary<string, double> metrics, string key) =>
        !metrics.TryGetValue(key, out var value) ? "-"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void WriteTable(StringBuilder text, List<string[]> rows, bool separatorBeforeLast)
    {
        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
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
