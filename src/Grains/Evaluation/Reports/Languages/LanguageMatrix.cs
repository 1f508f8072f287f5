using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Reports.Languages;

/// <summary>
/// One metric of a multilingual suite's tasks laid out by language: row = sentence1's language, column = sentence2's
/// (mstsb / stsb-multi-mt: the diagonal holds the monolingual tasks, the pivot's row the cross-lingual ones).
/// </summary>
/// <param name="Values">Row-major, <c>Languages.Count</c>² cells; null where the suite has no such task.</param>
public sealed record LanguageMatrix(string Metric, IReadOnlyList<string> Languages, IReadOnlyList<double?> Values)
{
    /// <summary>
    /// The matrix of <paramref name="metric"/>, or null unless every task is named as a <see cref="LanguagePair"/> and at
    /// least one is cross-lingual (otherwise there is nothing a matrix shows better than the task table).
    /// </summary>
    public static LanguageMatrix? TryBuild(IReadOnlyList<TaskResult> tasks, string metric)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(metric);
        var pairs = LanguagePair.TryParseAll(tasks);
        if (pairs is null || pairs.All(p => p.IsMonolingual))
        {
            return null;
        }

        var languages = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new double?[languages.Count * languages.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].Metrics.TryGetValue(metric, out var value))
            {
                values[(languages.IndexOf(pairs[i].First) * languages.Count) + languages.IndexOf(pairs[i].Second)] = value;
            }
        }

        return new LanguageMatrix(metric, languages, values);
    }
}
