namespace Similarity.Grains.Evaluation;

/// <summary>How many of the distinct texts (or pairs) of an evaluation the model has processed, for progress bars.</summary>
public readonly record struct EvaluationProgress(int Completed, int Total);
