using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class BinaryClassificationMetricsTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void All_eight_measures_match_the_reference(string function)
    {
        var pairs = MetricFixture.Pairs;
        var expected = pairs.Expected;

        var m = BinaryClassificationMetrics.Compute(pairs.Scores[function], pairs.Labels);

        MetricFixture.AssertClose(expected[$"{function}_accuracy"], m.Accuracy, "accuracy");
        MetricFixture.AssertClose(expected[$"{function}_accuracy_threshold"], m.AccuracyThreshold, "accuracy_threshold");
        MetricFixture.AssertClose(expected[$"{function}_f1"], m.F1, "f1");
        MetricFixture.AssertClose(expected[$"{function}_f1_threshold"], m.F1Threshold, "f1_threshold");
        MetricFixture.AssertClose(expected[$"{function}_precision"], m.Precision, "precision");
        MetricFixture.AssertClose(expected[$"{function}_recall"], m.Recall, "recall");
        MetricFixture.AssertClose(expected[$"{function}_ap"], m.AveragePrecision, "ap");
        MetricFixture.AssertClose(expected[$"{function}_mcc"], m.MatthewsCorrelation, "mcc");
    }

    [Fact]
    public void A_single_class_gives_defined_values()
    {
        var m = BinaryClassificationMetrics.Compute([0.9, 0.4, 0.1], [0, 0, 0]);

        // Every cut predicts at least the top pair positive; the first cut (only 0.9 positive) is the best: 2 of 3 right.
        Assert.Equal(new BinaryClassificationMetrics(2.0 / 3, 0.65, 0, 0, 0, 0, 0, 0), m);
    }
}
