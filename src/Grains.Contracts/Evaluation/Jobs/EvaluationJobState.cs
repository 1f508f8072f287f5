namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>Where an evaluation job is: running its tasks, done with a report, stopped by an error, or cancelled by a user (no report).</summary>
public enum EvaluationJobState
{
    Running,
    Completed,
    Failed,

    /// <summary>Stopped by a user: no task starts any more, results of tasks then running are dropped.</summary>
    Cancelled,
}
