namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>Where an evaluation job is: running its tasks, done with a report, or stopped by an error.</summary>
public enum EvaluationJobState
{
    Running,
    Completed,
    Failed,
}
