namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>
/// Metric values laid out for people, independent of the output format: the terminal, Markdown and HTML reports each
/// render the same tables. <paramref name="Corner"/> heads the label column (<c>task</c>, <c>measure</c>).
/// </summary>
public sealed record MetricTable(string Corner, IReadOnlyList<string> Columns, IReadOnlyList<MetricRow> Rows);
