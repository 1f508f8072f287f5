namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>A table in a report section, with its own heading when the section holds several (one per task or group).</summary>
public sealed record TitledTable(string? Title, MetricTable Table);
