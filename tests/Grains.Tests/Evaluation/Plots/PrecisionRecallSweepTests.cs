using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Metrics;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation.Plots;

public class PrecisionRecallSweepTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void The_full_curve_integrates_to_the_sklearn_average_precision(string function)
    {
        var pairs = MetricFixture.Pairs;

        var curve = PrecisionRecallSweep.Compute(function, pairs.Scores[function], pairs.Labels, maxPoints: int.MaxValue);

        var ap = 0.0;
        for (var k = 0; k < curve.Recall.Count; k++)
        {
            ap += (curve.Recall[k] - (k == 0 ? 0 : curve.Recall[k - 1])) * curve.Precision[k];
        }

        MetricFixture.AssertClose(pairs.Expected[$"{function}_ap"], ap, $"{function} AP from the curve");
    }

    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void The_best_f1_on_the_full_curve_is_the_reference_best_f1_with_its_precision_and_recall(string function)
    {
        var pairs = MetricFixture.Pairs;

        var curve = PrecisionRecallSweep.Compute(function, pairs.Scores[function], pairs.Labels, maxPoints: int.MaxValue);

        var best = Enumerable.Range(0, curve.Recall.Count).MaxBy(k => 2 * curve.Precision[k] * curve.Recall[k] / (curve.Precision[k] + curve.Recall[k]));
        MetricFixture.AssertClose(pairs.Expected[$"{function}_precision"], curve.Precision[best], "precision at the best F1");
        MetricFixture.AssertClose(pairs.Expected[$"{function}_recall"], curve.Recall[best], "recall at the best F1");
    }

    [Fact]
    public void Tied_scores_enter_together_and_thresholds_run_from_high_to_low()
    {
        var curve = PrecisionRecallSweep.Compute("cosine", [0.2, 0.9, 0.9, 0.5], [1, 1, 0, 0]);

        Assert.Equal([0.9, 0.5, 0.2], curve.Threshold);
        Assert.Equal([0.5, 0.5, 1.0], curve.Recall);
        Assert.Equal([0.5, 1 / 3.0, 0.5], curve.Precision);
    }

    [Fact]
    public void A_long_curve_is_bounded_and_keeps_both_ends()
    {
        var pairs = MetricFixture.Pairs;
        var full = PrecisionRecallSweep.Compute("cosine", pairs.Scores["cosine"], pairs.Labels, maxPoints: int.MaxValue);

        var bounded = PrecisionRecallSweep.Compute("cosine", pairs.Scores["cosine"], pairs.Labels);

        Assert.True(full.Recall.Count > PrecisionRecallSweep.DefaultMaxPoints, $"the fixture has only {full.Recall.Count} distinct scores");
        Assert.Equal(PrecisionRecallSweep.DefaultMaxPoints, bounded.Recall.Count);
        Assert.Equal((full.Threshold[0], full.Recall[0], full.Precision[0]), (bounded.Threshold[0], bounded.Recall[0], bounded.Precision[0]));
        Assert.Equal((full.Threshold[^1], 1.0, full.Precision[^1]), (bounded.Threshold[^1], bounded.Recall[^1], bounded.Precision[^1]));
        Assert.All(bounded.Threshold, t => Assert.Contains(t, full.Threshold));
        Assert.True(bounded.Threshold.Zip(bounded.Threshold.Skip(1)).All(p => p.First > p.Second), "thresholds must fall strictly");
    }

    [Fact]
    public void Without_positive_pairs_the_curve_is_empty()
    {
        var curve = PrecisionRecallSweep.Compute("cosine", [0.3, 0.7], [0, 0]);

        Assert.Empty(curve.Recall);
        Assert.Empty(curve.Precision);
        Assert.Empty(curve.Threshold);
    }

    [Fact]
    public void A_label_other_than_zero_or_one_is_rejected()
    {
        Assert.Throws<MetricInputException>(() => PrecisionRecallSweep.Compute("cosine", [0.3, 0.7], [0, 2]));
    }
}
