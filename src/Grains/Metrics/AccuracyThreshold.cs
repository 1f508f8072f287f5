namespace Similarity.Grains.Metrics;

/// <summary>The best accuracy a single threshold reaches (predict 1 for scores above it), and that threshold.</summary>
public readonly record struct AccuracyThreshold(double Accuracy, double Threshold);
