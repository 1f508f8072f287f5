using Similarity.Grains.Contracts.Evaluation;
using Similarity.Grains.Datasets.Suites;
using Similarity.Grains.Evaluation;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Metrics;
using Similarity.Grains.Tests.Metrics;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Evaluation;

public class TaskEvaluatorTests
{

    [Fact]
    public async Task Stsb_dev_report_equals_correlations_recomputed_from_the_file()
    {
        var report = await EvaluateAsync("stsb", "dev", EvaluatedModel.Of(new CharacterHistogramEncoder()), "histogram");

        var (gold, first, second) = ReadRows("stsb/dev.tsv");
        var cosine = first.Zip(second, (a, b) => Cosine(CharacterHistogramEncoder.Histogram(a), CharacterHistogramEncoder.Histogram(b))).ToArray();
        var euclidean = first.Zip(second, (a, b) => -Distance(CharacterHistogramEncoder.Histogram(a), CharacterHistogramEncoder.Histogram(b))).ToArray();
        var task = Assert.Single(report.Tasks);
        Assert.Equal(("histogram", "stsb", "dev", "stsb"), (report.Model, report.Suite, report.Split, task.Name));
        Assert.Equal(NaiveMetrics.Pearson(gold, cosine), task.Metrics["pearson_cosine"], 9);
        Assert.Equal(NaiveMetrics.Spearman(gold, cosine), task.Metrics["spearman_cosine"], 9);
        Assert.Equal(NaiveMetrics.Spearman(gold, euclidean), task.Metrics["spearman_euclidean"], 9);
        Assert.Equal(task.Metrics, report.Average);
    }

    [Fact]
    public async Task Mstsb_dev_encodes_each_distinct_sentence_of_its_21_tasks_once_and_averages_by_fisher_z()
    {
        var encoder = new CharacterHistogramEncoder();

        var report = await EvaluateAsync("mstsb", "dev", EvaluatedModel.Of(encoder), "histogram");

        var files = Directory.GetFiles(Path.Combine(SharedFolder.Data, "mstsb-dev"), "dev.*.tsv");
        var distinct = files.SelectMany(f => File.ReadLines(f).Skip(1).SelectMany(l => l.Split('\t').Skip(1))).ToHashSet(StringComparer.Ordinal);
        var encoded = encoder.Batches.SelectMany(b => b).ToList();
        Assert.Equal(distinct.Count, encoded.Count);
        Assert.True(distinct.SetEquals(encoded));
        Assert.Equal(21, report.Tasks.Count);
        Assert.Equal(TaskAveraging.FisherZ, report.Averaging);
        var spearman = report.Tasks.Select(t => t.Metrics["spearman_cosine"]).ToArray();
        Assert.Equal(NaiveMetrics.FisherZ(spearman), report.Average["spearman_cosine"], 12);
    }

    [Fact]
    public async Task A_bi_encoder_on_a_binary_suite_gets_the_pair_classification_metrics()
    {
        var report = await EvaluateAsync("mrpc", "train", EvaluatedModel.Of(new CharacterHistogramEncoder()), "histogram");

        var task = Assert.Single(report.Tasks);
        Assert.Equal(32, task.Metrics.Count);
        Assert.Contains("manhattan_mcc", task.Metrics.Keys);
        Assert.DoesNotContain("cosine_f1_threshold", report.Average.Keys);
        Assert.Equal(task.Metrics["cosine_ap"], report.Average["cosine_ap"]);
    }

    [Fact]
    public async Task A_cross_encoder_on_mrpc_reports_accuracy_f1_macro_f1_and_ap()
    {
        var classifier = new FixedProbabilityClassifier(p =>
        {
            var overlap = (float)WordOverlap(p.First, p.Second);
            return [1 - overlap, overlap];
        }, labelCount: 2);

        var report = await EvaluateAsync("mrpc", "train", EvaluatedModel.Of(classifier), "overlap");

        var (gold, first, second) = ReadRows("mrpc/train.tsv");
        var labels = gold.Select(g => (int)g).ToArray();
        var predicted = first.Zip(second, (a, b) => (float)WordOverlap(a, b) > 1 - (float)WordOverlap(a, b) ? 1 : 0).ToArray();
        var metrics = Assert.Single(report.Tasks).Metrics;
        Assert.Equal(["accuracy", "f1", "f1_macro", "ap"], metrics.Keys);
        Assert.Equal(predicted.Zip(labels).Count(x => x.First == x.Second) / (double)labels.Length, metrics["accuracy"], 12);
        Assert.Equal(NaiveMetrics.ClassF1(predicted, labels, 1), metrics["f1"], 12);
        Assert.Equal(NaiveMetrics.MacroF1(predicted, labels), metrics["f1_macro"], 12);
    }

    [Fact]
    public async Task A_two_label_cross_encoder_on_an_sts_suite_is_rejected_before_it_runs()
    {
        var classifier = new FixedProbabilityClassifier(_ => [0.5f, 0.5f], labelCount: 2);

        await Assert.ThrowsAsync<MetricInputException>(() => EvaluateAsync("stsb", "dev", EvaluatedModel.Of(classifier), "pairs"));

        Assert.Empty(classifier.Batches);
    }

    [Fact]
    public async Task Progress_reaches_the_number_of_distinct_sentences()
    {
        var reports = new List<EvaluationProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await EvaluateAsync("sts12-16", "train", EvaluatedModel.Of(new CharacterHistogramEncoder()), "histogram", progress);

        Assert.Equal(0, reports[0].Completed);
        Assert.Equal(reports[^1].Total, reports[^1].Completed);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Completed < p.Second.Completed));
    }

    [Fact]
    public async Task Tasks_of_another_kind_than_the_one_named_are_refused_naming_the_task()
    {
        var loaded = SuiteCatalog.Default.Find("mrpc").Load(SharedFolder.Data, "train");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new TaskEvaluator().EvaluateAsync(EvaluatedModel.Of(new CharacterHistogramEncoder()), SuiteKind.Similarity, loaded.Tasks));

        Assert.Contains("Task 'mrpc' is not a Similarity task", error.Message);
    }

    /// <summary>What the direct in-process path did before evaluation jobs: one suite split, all its tasks at once.</summary>
    private static async Task<EvaluationReport> EvaluateAsync(string suite, string split, EvaluatedModel model, string name, IProgress<EvaluationProgress>? progress = null)
    {
        var loaded = SuiteCatalog.Default.Find(suite).Load(SharedFolder.Data, split);
        var results = await new TaskEvaluator().EvaluateAsync(model, loaded.Kind, loaded.Tasks, progress);
        return EvaluationReport.Create(name, loaded.Suite, loaded.Split, loaded.Averaging, results);
    }

    private static (double[] Gold, string[] First, string[] Second) ReadRows(string file)
    {
        var rows = File.ReadLines(Path.Combine(SharedFolder.Data, file)).Skip(1).Select(l => l.Split('\t')).ToList();
        return (rows.Select(r => double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => r[1]).ToArray(),
            rows.Select(r => r[2]).ToArray());
    }

    private static double Cosine(double[] a, double[] b) =>
        a.Zip(b, (x, y) => x * y).Sum() / (Math.Sqrt(a.Sum(x => x * x)) * Math.Sqrt(b.Sum(x => x * x)));

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static double WordOverlap(string a, string b)
    {
        var x = a.Split(' ').ToHashSet();
        var y = b.Split(' ').ToHashSet();
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class SynchronousProgress(Action<EvaluationProgress> report) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => report(value);
    }
}
