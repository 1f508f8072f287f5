namespace Similarity.Grains.Evaluation;

/// <summary>One task's metrics, keyed as sentence-transformers names them (<c>spearman_cosine</c>, <c>cosine_ap</c>, <c>f1_macro</c>, ...), in report order.</summary>
public sealed record TaskResult(string Name, IReadOnlyDictionary<string, double> Metrics);
