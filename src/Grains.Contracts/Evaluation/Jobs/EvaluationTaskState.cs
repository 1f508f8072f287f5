namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>Where one task of a job is.</summary>
public enum EvaluationTaskState
{
    /// <summary>Its input is stored; it has not started on the silo that holds it now.</summary>
    Pending,

    /// <summary>Encoding its inputs or computing its metrics.</summary>
    Running,

    /// <summary>Its result is stored; it never runs again.</summary>
    Done,

    /// <summary>It cannot succeed (the model is not served, or cannot do what the task needs).</summary>
    Failed,
}
