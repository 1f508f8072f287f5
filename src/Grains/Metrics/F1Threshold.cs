namespace Similarity.Grains.Metrics;

/// <summary>The best F1 a single threshold reaches on the positive class, its precision and recall, and that threshold.</summary>
public readonly record struct F1Threshold(double F1, double Precision, double Recall, double Threshold);
