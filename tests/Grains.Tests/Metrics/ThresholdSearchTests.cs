using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class ThresholdSearchTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Best_accuracy_and_its_threshold_match_the_reference(string function)
    {
        var pairs = MetricFixture.Pairs;

        var best = ThresholdSearch.BestAccuracy(pairs.Scores[function], pairs.Labels);

        MetricFixture.AssertClose(pairs.Expected[$"{function}_accuracy"], best.Accuracy, "accuracy");
        MetricFixture.AssertClose(pairs.Expected[$"{function}_accuracy_threshold"], best.Threshold, "accuracy threshold");
    }

    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Best_f1_with_its_precision_recall_and_threshold_match_the_reference(string function)
    {
        var pairs = MetricFixture.Pairs;

        var best = ThresholdSearch.BestF1(pairs.Scores[function], pairs.Labels);

        MetricFixture.AssertClose(pairs.Expected[$"{function}_f1"], best.F1, "f1");
        MetricFixture.AssertClose(pairs.Expected[$"{function}_precision"], best.Precision, "precision");
        MetricFixture.AssertClose(pairs.Expected[$"{function}_recall"], best.Recall, "recall");
        MetricFixture.AssertClose(pairs.Expected[$"{function}_f1_threshold"], best.Threshold, "f1 threshold");
    }

    [Fact]
    public void Best_accuracy_equals_trying_every_cut_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.ScoresWithLabels, p =>
        {
            if (p.Scores.Length == 0)
            {
                return MetricGenerators.Rejects(() => ThresholdSearch.BestAccuracy(p.Scores, p.Labels));
            }

            var expected = NaiveMetrics.BestAccuracy(p.Scores, p.Labels);
            var actual = ThresholdSearch.BestAccuracy(p.Scores, p.Labels);
            return expected.Accuracy == actual.Accuracy && expected.Threshold == actual.Threshold;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Best_f1_equals_trying_every_cut_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.ScoresWithLabels, p =>
        {
            if (p.Scores.Length == 0)
            {
                return MetricGenerators.Rejects(() => ThresholdSearch.BestF1(p.Scores, p.Labels));
            }

            var expected = NaiveMetrics.BestF1(p.Scores, p.Labels);
            var actual = ThresholdSearch.BestF1(p.Scores, p.Labels);
            return MetricGenerators.SameOrBothNaN(expected.F1, actual.F1)
                && MetricGenerators.SameOrBothNaN(expected.Precision, actual.Precision)
                && MetricGenerators.SameOrBothNaN(expected.Recall, actual.Recall)
                && expected.Threshold == actual.Threshold;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_equally_good_later_cut_does_not_replace_the_first_best()
    {
        // Cutting after 4 (3/4 correct) and after 2 (3/4 correct) tie; only a strict improvement moves the threshold.
        var best = ThresholdSearch.BestAccuracy([4, 3, 2, 1], [1, 0, 1, 0]);

        Assert.Equal(new AccuracyThreshold(0.75, 3.5), best);
    }

    [Fact]
    public void Tied_scores_are_cut_in_input_order_like_pythons_stable_sort()
    {
        Assert.Equal(new AccuracyThreshold(1.0, 0.5), ThresholdSearch.BestAccuracy([0.5, 0.5], [1, 0]));
        Assert.Equal(new AccuracyThreshold(0.0, -1), ThresholdSearch.BestAccuracy([0.5, 0.5], [0, 1]));
    }

    [Fact]
    public void A_single_pair_has_no_midpoint_so_the_initial_values_stand()
    {
        Assert.Equal(new AccuracyThreshold(0, -1), ThresholdSearch.BestAccuracy([0.9], [1]));
        Assert.Equal(new F1Threshold(0, 0, 0, 0), ThresholdSearch.BestF1([0.9], [1]));
    }

    [Fact]
    public void Without_positive_labels_f1_stays_zero()
    {
        Assert.Equal(new F1Threshold(0, 0, 0, 0), ThresholdSearch.BestF1([0.9, 0.5, 0.1], [0, 0, 0]));
    }

    [Fact]
    public void Manhattan_and_euclidean_count_higher_negated_distance_as_more_similar()
    {
        // Negated distances: the positive pair (distance 1) scores −1, above the negatives at −5 and −7.
        var best = ThresholdSearch.BestAccuracy([-5, -1, -7], [0, 1, 0]);

        Assert.Equal(new AccuracyThreshold(1.0, -3), best);
    }

    [Fact]
    public void Labels_other_than_zero_or_one_are_rejected()
    {
        var error = Assert.Throws<MetricInputException>(() => ThresholdSearch.BestF1([0.1, 0.2], [0, 2]));

        Assert.Contains("index 1 holds 2", error.Message);
    }

    [Fact]
    public void NaN_scores_are_rejected_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.WithNaN, p =>
            MetricGenerators.Rejects(() => ThresholdSearch.BestAccuracy(p.Values, new int[p.Values.Length]))
            && MetricGenerators.Rejects(() => ThresholdSearch.BestF1(p.Values, new int[p.Values.Length])))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_empty_input_is_rejected()
    {
        var error = Assert.Throws<MetricInputException>(() => ThresholdSearch.BestAccuracy([], []));

        Assert.Contains("empty", error.Message);
    }
}
