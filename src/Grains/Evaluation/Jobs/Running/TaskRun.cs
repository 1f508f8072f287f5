using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// Runs one task of a job where it is called: asks the cluster what the model is, encodes the task's distinct inputs
/// through the model's workers (through the job's embeddings on this silo when its tasks share sentences) and computes
/// the metrics here, where the embeddings arrive.
/// </summary>
internal static class TaskRun
{
    /// <summary>The result of the task <paramref name="work"/> describes, a task of job <paramref name="job"/>.</summary>
    public static async Task<TaskResult> RunAsync(
        IGrainFactory grains,
        string job,
        EvaluationTaskWork work,
        EvaluationJobOptions options,
        IProgress<EvaluationProgress> progress,
        CancellationToken cancellationToken)
    {
        var calls = new ChunkedGrainCall(options.ItemsPerRequest, options.ConcurrentRequests, RetryPolicy.Default);
        var key = new ModelKey(work.Model, work.Device);
        var model = await ClusterModel.OpenAsync(grains, key, calls, cancellationToken).ConfigureAwait(false);
        if (work.ShareEmbeddings && model.Encoder is { } encoder)
        {
            model = EvaluatedModel.Of(new SharedSentenceEncoder(grains, job, key, encoder.Dimension));
        }

        var results = await new TaskEvaluator()
            .EvaluateAsync(model, work.Kind, [PairTaskData.Task(work.Kind, work.Input)], progress, cancellationToken)
            .ConfigureAwait(false);
        return results[0];
    }
}
