namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>
/// Precision and recall of "score ≥ threshold" at (a bounded selection of) the distinct score values of a task, from the
/// highest threshold to the lowest: the points of a precision-recall plot. Empty when the task has no positive pair.
/// </summary>
/// <param name="Function">Whose scores: a similarity function (<c>cosine</c>) or <c>probability</c> for a cross-encoder.</param>
[Immutable]
public sealed record PrecisionRecallCurve(
    string Function,
    IReadOnlyList<double> Threshold,
    IReadOnlyList<double> Recall,
    IReadOnlyList<double> Precision);
