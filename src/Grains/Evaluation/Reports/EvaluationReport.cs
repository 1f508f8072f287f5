using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// The result of evaluating one model on one suite split: per-task results and their average. Serialises to
/// <c>{"model", "suite", "split", "averaging", "tasks": {name: {metric: value}}, "average": {...}}</c>.
/// </summary>
public sealed record EvaluationReport(
    string Model,
    string Suite,
    string Split,
    TaskAveraging Averaging,
    IReadOnlyList<TaskResult> Tasks,
    IReadOnlyDictionary<string, double> Average)
{
    /// <summary>
    /// Aggregates task results, wherever and in whatever order they were computed, into the report: tasks in ordinal name
    /// order (the order suites list them in), averaged as <paramref name="averaging"/> prescribes. The same results give
    /// the same report to the last bit. A task that appears twice is an error, so a retried task cannot count twice.
    /// </summary>
    public static EvaluationReport Create(string model, string suite, string split, TaskAveraging averaging, IEnumerable<TaskResult> tasks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(tasks);
        var ordered = tasks.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Name == ordered[i - 1].Name)
            {
                throw new ArgumentException($"Task '{ordered[i].Name}' has two results; each task of a report must be evaluated once.", nameof(tasks));
            }
        }

        return new EvaluationReport(model, suite, split, averaging, ordered, TaskAverager.Average(ordered, averaging));
    }
}
