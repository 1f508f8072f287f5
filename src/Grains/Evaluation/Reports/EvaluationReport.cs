using Similarity.Grains.Datasets.Suites;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// The result of evaluating one model on one suite split: per-task metrics and their average. Serialises to
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
    /// <summary>Builds the report for <paramref name="tasks"/>, averaging them the way <paramref name="suite"/> prescribes.</summary>
    public static EvaluationReport Create(string model, LoadedSuite suite, IReadOnlyList<TaskResult> tasks)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(tasks);
        return new EvaluationReport(model, suite.Suite, suite.Split, suite.Averaging, tasks, TaskAverager.Average(tasks, suite.Averaging));
    }
}
