using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// A finished job's report as data: what was evaluated, every task's result in report order, and the suite's average,
/// aggregated by the job from its tasks wherever they ran. Crosses the cluster as an <see cref="EvaluationJobReportSurrogate"/>.
/// </summary>
[Immutable]
public sealed record EvaluationJobReport(
    string Model,
    string Suite,
    string Split,
    TaskAveraging Averaging,
    IReadOnlyList<TaskResult> Tasks,
    IReadOnlyDictionary<string, double> Average);
