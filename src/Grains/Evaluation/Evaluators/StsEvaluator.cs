using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation.Embedding;
using Similarity.Grains.Evaluation.Scoring;
using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation.Evaluators;

/// <summary>
/// sentence-transformers' EmbeddingSimilarityEvaluator over several tasks: the distinct sentences of all tasks are encoded
/// once, then each task is scored and correlated with its gold scores.
/// </summary>
public sealed class StsEvaluator
{
    private readonly EvaluationOptions _options;

    public StsEvaluator(EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
    }

    /// <summary>One result per task, in task order.</summary>
    public async Task<IReadOnlyList<TaskResult>> EvaluateAsync(
        ISentenceEncoder encoder,
        IReadOnlyList<SimilarityTask> tasks,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(tasks);
        var embeddings = await SentenceEmbedder.EmbedAsync(encoder, tasks.SelectMany(t => t.First.Concat(t.Second)), _options.BatchSize, progress, cancellationToken)
            .ConfigureAwait(false);
        return tasks
            .Select(t => StsMetricSet.Result(t.Name, t.Scores, PairScorer.Score(embeddings, t, _options.SimilarityFunctions)))
            .ToList();
    }
}
