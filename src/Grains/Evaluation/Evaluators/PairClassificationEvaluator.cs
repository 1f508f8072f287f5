using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation.Embedding;
using Similarity.Grains.Evaluation.Scoring;
using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation.Evaluators;

/// <summary>
/// sentence-transformers' BinaryClassificationEvaluator over several tasks, with every similarity function treated as
/// "higher = more similar" (manhattan and euclidean are negated distances). Distinct sentences are encoded once.
/// </summary>
public sealed class PairClassificationEvaluator
{
    private readonly EvaluationOptions _options;

    public PairClassificationEvaluator(EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
    }

    /// <summary>One result per task, in task order.</summary>
    public async Task<IReadOnlyList<TaskResult>> EvaluateAsync(
        ISentenceEncoder encoder,
        IReadOnlyList<ClassificationTask> tasks,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(tasks);
        var embeddings = await SentenceEmbedder.EmbedAsync(encoder, tasks.SelectMany(t => t.First.Concat(t.Second)), _options.BatchSize, progress, cancellationToken)
            .ConfigureAwait(false);
        return tasks
            .Select(t => PairClassificationMetricSet.Result(t.Name, t.Labels, PairScorer.Score(embeddings, t, _options.SimilarityFunctions)))
            .ToList();
    }
}
