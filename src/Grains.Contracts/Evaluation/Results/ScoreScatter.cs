namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>
/// Gold and predicted scores of (a deterministic sample of) a task's pairs, for a gold-vs-predicted scatter plot.
/// Gold is on the 0–1 scale the evaluator correlates; predicted is the raw score of <see cref="Function"/>.
/// </summary>
/// <param name="Function">What predicted the scores: a similarity function (<c>cosine</c>) or <c>score</c> for a cross-encoder.</param>
/// <param name="Total">Pairs in the whole task; more than <c>Gold.Count</c> when the scatter was sampled.</param>
[Immutable]
public sealed record ScoreScatter(string Function, int Total, IReadOnlyList<double> Gold, IReadOnlyList<double> Predicted);
