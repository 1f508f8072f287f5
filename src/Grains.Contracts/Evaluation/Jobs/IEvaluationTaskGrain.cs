using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// One task of an evaluation job, keyed <c>JOB/TASK</c> (<see cref="EvaluationJobIds.TaskKey"/>), called by its job. It
/// persists its input and, once done, its result: a finished task never runs again, and a task whose silo died mid-way
/// runs again from its input wherever it is activated next. It encodes through the model's worker grains and computes
/// its metrics on its own silo, where the embeddings arrive.
/// </summary>
public interface IEvaluationTaskGrain : IGrainWithStringKey
{
    /// <summary>Stores the task's input (idempotent for the same input; other input is an <c>InvalidRequestException</c>).</summary>
    Task PrepareAsync(EvaluationTaskWork work);

    /// <summary>Starts the task unless it is running or done, and says where it is.</summary>
    Task<EvaluationTaskStatus> RunAsync();

    /// <summary>The stored result of a done task; otherwise an <c>InvalidRequestException</c>.</summary>
    Task<TaskResult> GetResultAsync();

    /// <summary>Stops a run (its result is never stored) and removes the task's input and result; idempotent.</summary>
    Task DeleteAsync();
}
