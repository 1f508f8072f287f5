using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class ClassLabelMetricsTests
{
    [Fact]
    public void Accuracy_of_predictions_above_the_reference_accuracy_threshold_is_the_reference_accuracy()
    {
        var pairs = MetricFixture.Pairs;
        var predicted = Above(pairs.Scores["cosine"], pairs.Expected["cosine_accuracy_threshold"]);

        MetricFixture.AssertClose(pairs.Expected["cosine_accuracy"], ClassLabelMetrics.Accuracy(predicted, pairs.Labels), "accuracy");
    }

    [Fact]
    public void Binary_f1_of_predictions_above_the_reference_f1_threshold_is_the_reference_f1()
    {
        var pairs = MetricFixture.Pairs;
        var predicted = Above(pairs.Scores["cosine"], pairs.Expected["cosine_f1_threshold"]);

        MetricFixture.AssertClose(pairs.Expected["cosine_f1"], ClassLabelMetrics.BinaryF1(predicted, pairs.Labels), "f1");
    }

    [Fact]
    public void Macro_f1_averages_the_f1_of_both_classes_implied_by_the_reference_precision_and_recall()
    {
        var pairs = MetricFixture.Pairs;
        var predicted = Above(pairs.Scores["cosine"], pairs.Expected["cosine_f1_threshold"]);
        var (expected, _) = MacroF1FromReference(pairs, "cosine");

        MetricFixture.AssertClose(expected, ClassLabelMetrics.MacroF1(predicted, pairs.Labels), "f1_macro");
    }

    [Fact]
    public void Accuracy_and_f1_equal_counting_on_random_labels()
    {
        Prop.ForAll(MetricGenerators.ClassLabels(2), p =>
                p.Gold.Length == 0
                    ? MetricGenerators.Rejects(() => ClassLabelMetrics.Accuracy(p.Predicted, p.Gold))
                    : MetricGenerators.SameOrBothNaN(p.Predicted.Zip(p.Gold).Count(x => x.First == x.Second) / (double)p.Gold.Length, ClassLabelMetrics.Accuracy(p.Predicted, p.Gold))
                      && MetricGenerators.SameOrBothNaN(NaiveMetrics.ClassF1(p.Predicted, p.Gold, 1), ClassLabelMetrics.BinaryF1(p.Predicted, p.Gold)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Macro_f1_equals_the_mean_of_per_class_f1_on_random_three_class_labels()
    {
        Prop.ForAll(MetricGenerators.ClassLabels(3), p =>
                p.Gold.Length == 0
                    ? MetricGenerators.Rejects(() => ClassLabelMetrics.MacroF1(p.Predicted, p.Gold))
                    : MetricGenerators.SameOrBothNaN(NaiveMetrics.MacroF1(p.Predicted, p.Gold), ClassLabelMetrics.MacroF1(p.Predicted, p.Gold)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Macro_f1_ignores_a_class_that_neither_gold_nor_predictions_contain()
    {
        Assert.Equal(1.0, ClassLabelMetrics.MacroF1([1, 1, 1], [1, 1, 1]));
    }

    [Fact]
    public void Binary_f1_is_zero_when_there_is_no_positive_label_or_prediction()
    {
        Assert.Equal(0, ClassLabelMetrics.BinaryF1([0, 0], [0, 0]));
    }

    /// <summary>
    /// Macro F1 at the reference F1 threshold, derived from the reference precision and recall: they fix TP, FP and FN
    /// of class 1, hence the whole confusion matrix and the F1 of class 0.
    /// </summary>
    internal static (double MacroF1, double PositiveF1) MacroF1FromReference(MetricFixture.ScoredCase pairs, string function)
    {
        var positives = pairs.Labels.Sum();
        var n = pairs.Labels.Length;
        var truePositives = Math.Round(pairs.Expected[$"{function}_recall"] * positives);
        var predictedPositives = Math.Round(truePositives / pairs.Expected[$"{function}_precision"]);
        var falsePositives = predictedPositives - truePositives;
        var falseNegatives = positives - truePositives;
        var trueNegatives = n - truePositives - falsePositives - falseNegatives;
        var positiveF1 = 2 * truePositives / (2 * truePositives + falsePositives + falseNegatives);
        var negativeF1 = 2 * trueNegatives / (2 * trueNegatives + falseNegatives + falsePositives);
        return ((positiveF1 + negativeF1) / 2, positiveF1);
    }

    private static int[] Above(double[] scores, double threshold) => scores.Select(s => s > threshold ? 1 : 0).ToArray();
}
