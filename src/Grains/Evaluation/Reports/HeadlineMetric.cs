namespace Similarity.Grains.Evaluation.Reports;

/// <summary>
/// The one metric a report shows where it has room for one (the language matrix): Spearman of the first function, the
/// measure sentence-transformers' STS evaluators select models by; else the first metric.
/// </summary>
public static class HeadlineMetric
{
    /// <summary>The first <c>spearman*</c> key, else the first key; null for no keys.</summary>
    public static string? Of(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.FirstOrDefault(k => k.StartsWith("spearman", StringComparison.Ordinal)) ?? keys.FirstOrDefault();
    }
}
