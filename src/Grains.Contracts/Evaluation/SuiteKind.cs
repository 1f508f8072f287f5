namespace Similarity.Grains.Contracts.Evaluation;

/// <summary>Which evaluator a suite's tasks need.</summary>
public enum SuiteKind
{
    /// <summary>Graded similarity (STS): Pearson and Spearman correlation.</summary>
    Similarity,

    /// <summary>Binary pair classification (paraphrase, duplicates): best-threshold accuracy, F1, AP, MCC.</summary>
    Classification,
}
