using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.CrossEncoding;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Metrics;
using Similarity.Grains.Tests.Metrics;
using Similarity.Inference.Models;

namespace Similarity.Grains.Tests.Evaluation;

/// <summary>
/// The classifier double turns the fixture's cosine scores into class-1 probabilities <c>p = 0.5 + (cos − t) / 4</c>:
/// monotone in the cosine (so AP is the reference cosine AP) and above 0.5 exactly where the cosine exceeds t
/// (so with t a reference threshold, accuracy and F1 are the reference values at that threshold).
/// </summary>
public class CrossEncoderEvaluatorTests
{
    [Fact]
    public async Task Softmax_accuracy_at_the_reference_accuracy_threshold_is_the_reference_accuracy()
    {
        var classifier = TwoLabelClassifier(MetricFixture.Pairs.Expected["cosine_accuracy_threshold"]);

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Pairs()]));

        Assert.Equal(["accuracy", "f1", "f1_macro", "ap"], result.Metrics.Keys);
        MetricFixture.AssertClose(MetricFixture.Pairs.Expected["cosine_accuracy"], result.Metrics["accuracy"], "accuracy");
    }

    [Fact]
    public async Task Binary_and_macro_f1_and_ap_match_the_reference_at_the_f1_threshold()
    {
        var pairs = MetricFixture.Pairs;
        var classifier = TwoLabelClassifier(pairs.Expected["cosine_f1_threshold"]);
        var (macroF1, positiveF1) = ClassLabelMetricsTests.MacroF1FromReference(pairs, "cosine");

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Pairs()]));

        MetricFixture.AssertClose(pairs.Expected["cosine_f1"], positiveF1, "f1 derived from the reference");
        MetricFixture.AssertClose(pairs.Expected["cosine_f1"], result.Metrics["f1"], "f1");
        MetricFixture.AssertClose(macroF1, result.Metrics["f1_macro"], "f1_macro");
        MetricFixture.AssertClose(pairs.Expected["cosine_ap"], result.Metrics["ap"], "ap");
    }

    [Fact]
    public async Task A_single_sigmoid_output_predicts_positive_above_one_half()
    {
        var pairs = MetricFixture.Pairs;
        var threshold = pairs.Expected["cosine_accuracy_threshold"];
        var classifier = new FixedProbabilityClassifier(p => [Probability(p, threshold)], labelCount: 1);

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Pairs()]));

        MetricFixture.AssertClose(pairs.Expected["cosine_accuracy"], result.Metrics["accuracy"], "accuracy");
        MetricFixture.AssertClose(pairs.Expected["cosine_ap"], result.Metrics["ap"], "ap");
    }

    [Fact]
    public async Task A_one_output_cross_encoder_on_sts_reports_the_correlations_of_its_scores()
    {
        var sts = MetricFixture.Sts;
        var classifier = new FixedProbabilityClassifier(p => [(float)sts.Scores["cosine"][FixtureTasks.Row(p.First)]], labelCount: 1);

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Sts()]));

        Assert.Equal(["pearson", "spearman"], result.Metrics.Keys);
        MetricFixture.AssertClose(sts.Expected["pearson_cosine"], result.Metrics["pearson"], "pearson");
        MetricFixture.AssertClose(sts.Expected["spearman_cosine"], result.Metrics["spearman"], "spearman");
    }

    [Fact]
    public async Task A_binary_result_has_the_precision_recall_curve_of_the_class_one_probability()
    {
        var pairs = MetricFixture.Pairs;
        var classifier = TwoLabelClassifier(pairs.Expected["cosine_f1_threshold"]);

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Pairs()]));

        var curve = Assert.Single(result.Curves);
        var probabilities = Enumerable.Range(0, pairs.Labels.Length).Select(i => (double)Probability(new TextPair($"a{i}", $"b{i}"), pairs.Expected["cosine_f1_threshold"])).ToArray();
        var expected = PrecisionRecallSweep.Compute("probability", probabilities, pairs.Labels);
        Assert.Equal("probability", curve.Function);
        Assert.Equal(expected.Threshold, curve.Threshold);
        Assert.Equal(expected.Recall, curve.Recall);
        Assert.Equal(expected.Precision, curve.Precision);
        Assert.Null(result.Scatter);
    }

    [Fact]
    public async Task A_graded_result_keeps_gold_against_the_models_scores()
    {
        var sts = MetricFixture.Sts;
        var classifier = new FixedProbabilityClassifier(p => [(float)sts.Scores["cosine"][FixtureTasks.Row(p.First)]], labelCount: 1);

        var result = Assert.Single(await new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Sts()]));

        var scatter = Assert.IsType<ScoreScatter>(result.Scatter);
        Assert.Equal(("score", 800), (scatter.Function, scatter.Total));
        Assert.Equal(FixtureTasks.Sts().Scores, scatter.Gold);
        Assert.Equal(sts.Scores["cosine"].Select(s => (double)(float)s), scatter.Predicted);
        Assert.Empty(result.Curves);
    }

    [Fact]
    public async Task Each_distinct_pair_is_scored_once()
    {
        var classifier = TwoLabelClassifier(0.5);
        var pairs = FixtureTasks.Pairs();

        await new CrossEncoderEvaluator(new() { BatchSize = 100 }).EvaluateAsync(classifier, [pairs, pairs]);

        var scored = classifier.Batches.SelectMany(b => b).ToList();
        Assert.Equal(pairs.Count, scored.Count);
        Assert.Equal(pairs.Count, scored.Distinct().Count());
        Assert.All(classifier.Batches, b => Assert.InRange(b.Count, 1, 100));
    }

    [Fact]
    public async Task A_three_label_model_is_rejected_for_binary_labels_before_it_runs()
    {
        var classifier = new FixedProbabilityClassifier(_ => [0.2f, 0.3f, 0.5f], labelCount: 3);

        var error = await Assert.ThrowsAsync<MetricInputException>(() => new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Pairs()]));

        Assert.Contains("1 or 2 outputs; this one has 3", error.Message);
        Assert.Empty(classifier.Batches);
    }

    [Fact]
    public async Task A_two_label_model_is_rejected_for_graded_similarity_before_it_runs()
    {
        var classifier = TwoLabelClassifier(0.5);

        var error = await Assert.ThrowsAsync<MetricInputException>(() => new CrossEncoderEvaluator().EvaluateAsync(classifier, [FixtureTasks.Sts()]));

        Assert.Contains("needs a cross-encoder with 1 output", error.Message);
        Assert.Empty(classifier.Batches);
    }

    [Fact]
    public async Task Prediction_shards_merged_give_the_whole_task_metrics()
    {
        var task = FixtureTasks.Pairs();
        var predicted = await PairPredictor.PredictAsync(TwoLabelClassifier(0.5), Enumerable.Range(0, task.Count).Select(i => new TextPair(task.First[i], task.Second[i])), batchSize: 64);

        var merged = PairPredictions.Merge([predicted.ForTask(task, start: 70), predicted.ForTask(task, start: 0, count: 30), predicted.ForTask(task, start: 30, count: 40)]);

        Assert.Equal(predicted.ForTask(task).Probabilities.Buffer, merged.Probabilities.Buffer);
        Assert.Equal(CrossEncoderMetricSet.Classification(task.Labels, predicted.ForTask(task)), CrossEncoderMetricSet.Classification(task.Labels, merged));
    }

    [Fact]
    public async Task Merging_prediction_shards_with_a_gap_is_rejected()
    {
        var task = FixtureTasks.Pairs();
        var predicted = await PairPredictor.PredictAsync(TwoLabelClassifier(0.5), Enumerable.Range(0, task.Count).Select(i => new TextPair(task.First[i], task.Second[i])), batchSize: 64);

        var error = Assert.Throws<ArgumentException>(() => PairPredictions.Merge([predicted.ForTask(task, 0, 10), predicted.ForTask(task, 11, 5)]));

        Assert.Contains("starts at pair 11, expected 10", error.Message);
    }

    private static FixedProbabilityClassifier TwoLabelClassifier(double threshold) => new(p =>
    {
        var positive = Probability(p, threshold);
        return [1 - positive, positive];
    }, labelCount: 2);

    private static float Probability(TextPair pair, double threshold) =>
        (float)(0.5 + (MetricFixture.Pairs.Scores["cosine"][FixtureTasks.Row(pair.First)] - threshold) / 4);
}
