using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class BinaryConfusionTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Mcc_at_the_f1_threshold_matches_sklearn(string function)
    {
        var pairs = MetricFixture.Pairs;
        var threshold = pairs.Expected[$"{function}_f1_threshold"];

        var mcc = BinaryConfusion.AtThreshold(pairs.Scores[function], pairs.Labels, threshold).MatthewsCorrelation();

        MetricFixture.AssertClose(pairs.Expected[$"{function}_mcc"], mcc, "mcc");
    }

    [Fact]
    public void Mcc_equals_the_textbook_formula_on_random_labels()
    {
        Prop.ForAll(MetricGenerators.ClassLabels(2), p =>
                MetricGenerators.SameOrBothNaN(NaiveMetrics.Mcc(p.Predicted, p.Gold), BinaryConfusion.Of(p.Predicted, p.Gold).MatthewsCorrelation()))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mcc_is_zero_when_every_pair_gets_the_same_prediction()
    {
        var confusion = BinaryConfusion.AtThreshold([0.2, 0.4, 0.6], [0, 1, 1], threshold: 0.1);

        Assert.Equal(new BinaryConfusion(TruePositives: 2, FalsePositives: 1, TrueNegatives: 0, FalseNegatives: 0), confusion);
        Assert.Equal(0, confusion.MatthewsCorrelation());
    }

    [Fact]
    public void A_score_equal_to_the_threshold_is_predicted_positive()
    {
        var confusion = BinaryConfusion.AtThreshold([0.5], [1], threshold: 0.5);

        Assert.Equal(1, confusion.TruePositives);
    }
}
