namespace Similarity.Grains.Contracts.Evaluation;

/// <summary>How a suite's per-task metrics combine into its average.</summary>
public enum TaskAveraging
{
    /// <summary>Arithmetic mean of each metric over the tasks.</summary>
    Mean,

    /// <summary>Correlations (pearson_*, spearman_*) averaged through Fisher's z; other metrics by the arithmetic mean.</summary>
    FisherZ,
}
