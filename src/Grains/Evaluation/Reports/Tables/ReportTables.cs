namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>
/// The tables the Markdown and HTML reports share, in the layout <see cref="MetricTables"/> picks: the averages (all
/// tasks and each <see cref="TaskGroups">group</see>) and the per-task metrics.
/// </summary>
public static class ReportTables
{
    /// <summary>The averages of a report with several tasks; empty for one task, whose table already is its average.</summary>
    public static IReadOnlyList<TitledTable> Averages(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Tasks.Count < 2)
        {
            return [];
        }

        var keys = MetricTables.Keys(report);
        var groups = TaskGroups.Of(report);
        return MetricTables.ByFunctionLayout(keys)
            ? groups.Select(g => new TitledTable(g.Label, MetricTables.ByFunction(g.Average))).ToList()
            : [new TitledTable(null, MetricTables.ByRow("tasks", keys, groups.Select(g => (g.Label, g.Average))))];
    }

    /// <summary>Every task's metrics: one table with a row per task, or a table per task.</summary>
    public static IReadOnlyList<TitledTable> Tasks(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var keys = MetricTables.Keys(report);
        return MetricTables.ByFunctionLayout(keys)
            ? report.Tasks.Select(t => new TitledTable(t.Name, MetricTables.ByFunction(t.Metrics))).ToList()
            : [new TitledTable(null, MetricTables.ByRow("task", keys, report.Tasks.Select(t => (t.Name, t.Metrics))))];
    }
}
