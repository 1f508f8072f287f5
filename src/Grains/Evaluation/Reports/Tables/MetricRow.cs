namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>One row of a <see cref="MetricTable"/>: a label and a value per column (null: the metric is absent; NaN: undefined).</summary>
/// <param name="Values">May be shorter than the table's columns: the rest of the row is left blank.</param>
public sealed record MetricRow(string Label, IReadOnlyList<double?> Values);
