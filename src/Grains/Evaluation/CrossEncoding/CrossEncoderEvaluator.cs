using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>
/// Evaluates a cross-encoder: each distinct pair of all tasks is scored once, then each task's metrics are computed
/// (see <see cref="CrossEncoderMetricSet"/>). An unsuitable output count fails before the model is called.
/// </summary>
public sealed class CrossEncoderEvaluator
{
    private readonly EvaluationOptions _options;

    public CrossEncoderEvaluator(EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
    }

    /// <summary>Binary pair classification: <c>accuracy</c>, <c>f1</c>, <c>f1_macro</c>, <c>ap</c> per task.</summary>
    public async Task<IReadOnlyList<TaskResult>> EvaluateAsync(
        IPairClassifier classifier,
        IReadOnlyList<ClassificationTask> tasks,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(tasks);
        CrossEncoderMetricSet.RequireBinaryOutputs(classifier.LabelCount);
        var predicted = await PredictAsync(classifier, tasks, progress, cancellationToken).ConfigureAwait(false);
        return tasks.Select(t => CrossEncoderMetricSet.ClassificationResult(t.Name, t.Labels, predicted.ForTask(t))).ToList();
    }

    /// <summary>Graded similarity with a one-output cross-encoder: <c>pearson</c>, <c>spearman</c> per task.</summary>
    public async Task<IReadOnlyList<TaskResult>> EvaluateAsync(
        IPairClassifier classifier,
        IReadOnlyList<SimilarityTask> tasks,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(tasks);
        CrossEncoderMetricSet.RequireSingleOutput(classifier.LabelCount);
        var predicted = await PredictAsync(classifier, tasks, progress, cancellationToken).ConfigureAwait(false);
        return tasks.Select(t => CrossEncoderMetricSet.CorrelationResult(t.Name, t.Scores, predicted.ForTask(t))).ToList();
    }

    private Task<PredictedPairs> PredictAsync(IPairClassifier classifier, IEnumerable<PairTask> tasks, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken) =>
        PairPredictor.PredictAsync(
            classifier,
            tasks.SelectMany(t => Enumerable.Range(0, t.Count).Select(i => new TextPair(t.First[i], t.Second[i]))),
            _options.BatchSize,
            progress,
            cancellationToken);
}
