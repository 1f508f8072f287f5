using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// Runs one task of a job where it is called: asks the cluster what the model is, encodes the task's distinct inputs
/// through the model's workers and computes the metrics here, where the embeddings arrive.
/// </summary>
internal static class TaskRun
{
    public static async Task<TaskResult> RunAsync(
        IGrainFactory grains, EvaluationTaskWork work, EvaluationJobOptions options, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        var calls = new ChunkedGrainCall(options.ItemsPerRequest, options.ConcurrentRequests, RetryPolicy.Default);
        var model = await ClusterModel.OpenAsync(grains, new ModelKey(work.Model, work.Device), calls, cancellationToken).ConfigureAwait(false);
        var results = await new TaskEvaluator()
            .EvaluateAsync(model, work.Kind, [PairTaskData.Task(work.Kind, work.Input)], progress, cancellationToken)
            .ConfigureAwait(false);
        return results[0];
    }
}
