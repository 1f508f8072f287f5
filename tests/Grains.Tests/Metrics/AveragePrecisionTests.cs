using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class AveragePrecisionTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Matches_sklearn_average_precision_score(string function)
    {
        var pairs = MetricFixture.Pairs;

        var ap = AveragePrecision.Compute(pairs.Scores[function], pairs.Labels);

        MetricFixture.AssertClose(pairs.Expected[$"{function}_ap"], ap, "ap");
    }

    [Fact]
    public void Equals_the_sum_over_distinct_thresholds_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.ScoresWithLabels, p =>
                p.Scores.Length == 0
                    ? MetricGenerators.Rejects(() => AveragePrecision.Compute(p.Scores, p.Labels))
                    : MetricGenerators.SameOrBothNaN(NaiveMetrics.AveragePrecision(p.Scores, p.Labels), AveragePrecision.Compute(p.Scores, p.Labels)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Tied_scores_enter_together_whatever_their_order()
    {
        // One threshold admits both pairs: precision 1/2 at recall 1.
        Assert.Equal(0.5, AveragePrecision.Compute([0.7, 0.7], [1, 0]));
        Assert.Equal(0.5, AveragePrecision.Compute([0.7, 0.7], [0, 1]));
    }

    [Fact]
    public void Is_zero_without_positive_labels_and_one_with_only_positives()
    {
        Assert.Equal(0, AveragePrecision.Compute([0.3, 0.2, 0.9], [0, 0, 0]));
        Assert.Equal(1, AveragePrecision.Compute([0.3, 0.2, 0.9], [1, 1, 1]));
    }

    [Fact]
    public void NaN_scores_are_rejected_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.WithNaN, p =>
                MetricGenerators.Rejects(() => AveragePrecision.Compute(p.Values, new int[p.Values.Length])))
            .QuickCheckThrowOnFailure();
    }
}
