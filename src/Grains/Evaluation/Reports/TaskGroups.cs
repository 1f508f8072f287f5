using Similarity.Grains.Evaluation.Reports.Languages;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// The averages a report's summary shows: all tasks (the report's own average) and, for a multilingual suite whose tasks
/// are language pairs, the monolingual and the cross-lingual tasks apart, each averaged the way the suite prescribes
/// (Fisher's z for correlations in mstsb and stsb-multi-mt).
/// </summary>
public static class TaskGroups
{
    public const string All = "all tasks";
    public const string Monolingual = "monolingual";
    public const string CrossLingual = "cross-lingual";

    /// <summary>The groups of <paramref name="report"/>, all tasks first; empty for a report without tasks.</summary>
    public static IReadOnlyList<TaskGroup> Of(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Tasks.Count == 0)
        {
            return [];
        }

        List<TaskGroup> groups = [new TaskGroup(All, report.Tasks.Count, report.Average)];
        var pairs = LanguagePair.TryParseAll(report.Tasks);
        if (pairs is null)
        {
            return groups;
        }

        var monolingual = report.Tasks.Where((_, i) => pairs[i].IsMonolingual).ToList();
        var crossLingual = report.Tasks.Where((_, i) => !pairs[i].IsMonolingual).ToList();
        if (monolingual.Count > 0 && crossLingual.Count > 0)
        {
            groups.Add(new TaskGroup(Monolingual, monolingual.Count, TaskAverager.Average(monolingual, report.Averaging)));
            groups.Add(new TaskGroup(CrossLingual, crossLingual.Count, TaskAverager.Average(crossLingual, report.Averaging)));
        }

        return groups;
    }
}
