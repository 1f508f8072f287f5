using Similarity.Grains.Datasets;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation.CrossEncoding;
using Similarity.Grains.Evaluation.Evaluators;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation;

/// <summary>
/// Evaluates a model on a named suite split and returns the report: what <c>simctl eval</c> calls. A bi-encoder gets the
/// STS or pair-classification evaluator by suite kind; a cross-encoder gets the classification metrics on binary suites
/// and correlations (one-output models) on STS suites. Data errors surface as <see cref="DatasetException"/>s.
/// </summary>
public sealed class SuiteRunner
{
    private readonly SuiteCatalog _catalog;
    private readonly EvaluationOptions _options;

    public SuiteRunner()
        : this(SuiteCatalog.Default, new EvaluationOptions())
    {
    }

    /// <summary>A runner over <paramref name="catalog"/>'s suites; <paramref name="options"/> are validated here.</summary>
    public SuiteRunner(SuiteCatalog catalog, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _options = options;
    }

    /// <summary>The splits of <paramref name="suite"/> present under <paramref name="dataDirectory"/>.</summary>
    public IReadOnlyList<string> FindSplits(string suite, string dataDirectory) => _catalog.Find(suite).FindSplits(dataDirectory);

    /// <summary>Reads a suite split without evaluating it (to validate data, or to count pairs).</summary>
    public LoadedSuite Load(string suite, string dataDirectory, string split) => _catalog.Find(suite).Load(dataDirectory, split);

    /// <summary>Evaluates a bi-encoder on <paramref name="split"/> of <paramref name="suite"/> read from <paramref name="dataDirectory"/>; <paramref name="model"/> names it in the report.</summary>
    public Task<EvaluationReport> RunAsync(
        string suite,
        string dataDirectory,
        string split,
        ISentenceEncoder encoder,
        string model,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(Load(suite, dataDirectory, split), encoder, model, progress, cancellationToken);

    /// <summary>Evaluates a bi-encoder on a suite split already read with <see cref="Load"/>.</summary>
    public async Task<EvaluationReport> RunAsync(
        LoadedSuite loaded,
        ISentenceEncoder encoder,
        string model,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(model);
        var results = loaded.Kind == SuiteKind.Similarity
            ? await new StsEvaluator(_options).EvaluateAsync(encoder, loaded.Tasks.Cast<SimilarityTask>().ToList(), progress, cancellationToken).ConfigureAwait(false)
            : await new PairClassificationEvaluator(_options).EvaluateAsync(encoder, loaded.Tasks.Cast<ClassificationTask>().ToList(), progress, cancellationToken).ConfigureAwait(false);
        return EvaluationReport.Create(model, loaded.Suite, loaded.Split, loaded.Averaging, results);
    }

    /// <summary>Evaluates a cross-encoder on <paramref name="split"/> of <paramref name="suite"/> read from <paramref name="dataDirectory"/>; <paramref name="model"/> names it in the report.</summary>
    public Task<EvaluationReport> RunAsync(
        string suite,
        string dataDirectory,
        string split,
        IPairClassifier classifier,
        string model,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(Load(suite, dataDirectory, split), classifier, model, progress, cancellationToken);

    /// <summary>Evaluates a cross-encoder on a suite split already read with <see cref="Load"/>.</summary>
    public async Task<EvaluationReport> RunAsync(
        LoadedSuite loaded,
        IPairClassifier classifier,
        string model,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(model);
        var evaluator = new CrossEncoderEvaluator(_options);
        var results = loaded.Kind == SuiteKind.Similarity
            ? await evaluator.EvaluateAsync(classifier, loaded.Tasks.Cast<SimilarityTask>().ToList(), progress, cancellationToken).ConfigureAwait(false)
            : await evaluator.EvaluateAsync(classifier, loaded.Tasks.Cast<ClassificationTask>().ToList(), progress, cancellationToken).ConfigureAwait(false);
        return EvaluationReport.Create(model, loaded.Suite, loaded.Split, loaded.Averaging, results);
    }
}
