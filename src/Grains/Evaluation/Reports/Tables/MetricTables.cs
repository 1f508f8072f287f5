using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>
/// Lays metrics out as tables. Few metrics (STS, cross-encoders): a row per task (or average), a column per metric.
/// Many (pair classification: 8 measures × 4 functions): a table per task, a row per measure, a column per similarity
/// function, since 32 columns fit no screen.
/// </summary>
public static class MetricTables
{
    /// <summary>Above this many metrics a task gets its own measure-by-function table.</summary>
    public const int MaxMetricColumns = 8;

    /// <summary>True when metrics with these keys are laid out by function rather than in one row.</summary>
    public static bool ByFunctionLayout(IReadOnlyCollection<string> keys) => keys.Count > MaxMetricColumns;

    /// <summary>The metric keys of a report's tables, in report order: the first task's.</summary>
    public static IReadOnlyList<string> Keys(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Tasks.Count > 0 ? report.Tasks[0].Metrics.Keys.ToList() : [];
    }

    /// <summary>A row per labelled set of metrics, a column per key in <paramref name="keys"/>.</summary>
    public static MetricTable ByRow(string corner, IReadOnlyList<string> keys, IEnumerable<(string Label, IReadOnlyDictionary<string, double> Metrics)> rows)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(rows);
        return new MetricTable(corner, keys, rows.Select(r => new MetricRow(r.Label, keys.Select(k => Lookup(r.Metrics, k)).ToList())).ToList());
    }

    /// <summary>
    /// One set of metrics as a row per measure (<c>accuracy</c>, <c>f1</c>, ...) and a column per similarity function
    /// found in the keys (<c>cosine_accuracy</c> → cosine, accuracy); other keys get a row with their one value.
    /// </summary>
    public static MetricTable ByFunction(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var functions = SimilarityFunctionNames.All.Select(f => f.Name())
            .Where(f => metrics.Keys.Any(k => k.StartsWith(f + "_", StringComparison.Ordinal)))
            .ToList();
        var measures = new List<string>();
        var other = new List<string>();
        foreach (var key in metrics.Keys)
        {
            var function = functions.FirstOrDefault(f => key.StartsWith(f + "_", StringComparison.Ordinal));
            if (function is null)
            {
                other.Add(key);
            }
            else if (!measures.Contains(key[(function.Length + 1)..]))
            {
                measures.Add(key[(function.Length + 1)..]);
            }
        }

        var rows = measures.Select(m => new MetricRow(m, functions.Select(f => Lookup(metrics, $"{f}_{m}")).ToList()))
            .Concat(other.Select(k => new MetricRow(k, [metrics[k]])))
            .ToList();
        return new MetricTable("measure", functions, rows);
    }

    private static double? Lookup(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var value) ? value : null;
}
