using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation.CrossEncoding;
using Similarity.Grains.Evaluation.Evaluators;

namespace Similarity.Grains.Evaluation;

/// <summary>
/// Evaluates pair tasks of one kind with the evaluator the model needs: a bi-encoder gets the STS or pair-classification
/// evaluator by the tasks' kind; a cross-encoder the classification metrics on binary tasks and correlations (one-output
/// models) on graded ones. The distinct inputs of the tasks given together go through the model once. An evaluation
/// job's task runs it on its one task; data and metric errors surface as typed exceptions.
/// </summary>
public sealed class TaskEvaluator
{
    private readonly EvaluationOptions _options;

    /// <summary>An evaluator with <paramref name="options"/> (validated here), or the defaults.</summary>
    public TaskEvaluator(EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
    }

    /// <summary>One result per task, in task order; every task must be a <see cref="SimilarityTask"/> or <see cref="ClassificationTask"/> as <paramref name="kind"/> says.</summary>
    public async Task<IReadOnlyList<TaskResult>> EvaluateAsync(
        EvaluatedModel model,
        SuiteKind kind,
        IReadOnlyList<PairTask> tasks,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tasks);
        if (model.Encoder is { } encoder)
        {
            return kind == SuiteKind.Similarity
                ? await new StsEvaluator(_options).EvaluateAsync(encoder, Of<SimilarityTask>(tasks, kind), progress, cancellationToken).ConfigureAwait(false)
                : await new PairClassificationEvaluator(_options).EvaluateAsync(encoder, Of<ClassificationTask>(tasks, kind), progress, cancellationToken).ConfigureAwait(false);
        }

        var evaluator = new CrossEncoderEvaluator(_options);
        return kind == SuiteKind.Similarity
            ? await evaluator.EvaluateAsync(model.Classifier!, Of<SimilarityTask>(tasks, kind), progress, cancellationToken).ConfigureAwait(false)
            : await evaluator.EvaluateAsync(model.Classifier!, Of<ClassificationTask>(tasks, kind), progress, cancellationToken).ConfigureAwait(false);
    }

    private static List<T> Of<T>(IReadOnlyList<PairTask> tasks, SuiteKind kind)
        where T : PairTask =>
        tasks.Select(task => task as T ?? throw new ArgumentException($"Task '{task.Name}' is not a {kind} task.", nameof(tasks))).ToList();
}
