namespace Similarity.Grains.Contracts.Evaluation.Results;

/// <summary>
/// One task's outcome as plain data, so it can travel from wherever the task ran to whatever aggregates the report:
/// its metrics, keyed as sentence-transformers names them (<c>spearman_cosine</c>, <c>cosine_ap</c>, <c>f1_macro</c>, ...)
/// in report order, its pair count, and the bounded per-pair data behind its plots. Crosses the cluster and is stored as a
/// <see cref="TaskResultSurrogate"/>; never changed after it is made.
/// </summary>
/// <param name="PairCount">Pairs in the task; 0 when unknown (a report read back from JSON).</param>
/// <param name="Scatter">Gold against predicted scores (STS tasks), at most a few thousand pairs.</param>
/// <param name="Curves">Precision-recall curves, one per similarity function or model output (pair classification).</param>
[Immutable]
public sealed record TaskResult(
    string Name,
    int PairCount,
    IReadOnlyDictionary<string, double> Metrics,
    ScoreScatter? Scatter,
    IReadOnlyList<PrecisionRecallCurve> Curves)
{
    /// <summary>A result with metrics only: what a JSON report holds.</summary>
    public static TaskResult MetricsOnly(string name, IReadOnlyDictionary<string, double> metrics) => new(name, 0, metrics, null, []);
}
