using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class FisherZTests
{
    [Fact]
    public void Average_of_31_task_correlations_matches_the_reference()
    {
        var (correlations, expected) = MetricFixture.FisherZ;

        MetricFixture.AssertClose(expected, FisherZ.Average(correlations), "fisher z average");
    }

    [Fact]
    public void Equals_tanh_of_the_mean_log_ratio_on_random_correlations()
    {
        var correlations = Gen.NonEmptyListOf(Gen.Choose(-1000, 1000).Select(i => i / 1000.0)).Select(l => l.ToArray()).ToArbitrary();

        Prop.ForAll(correlations, r => MetricGenerators.SameOrBothNaN(NaiveMetrics.FisherZ(r), FisherZ.Average(r)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_perfect_correlation_is_clipped_instead_of_becoming_infinite()
    {
        Assert.Equal(FisherZ.Clip, FisherZ.Average([1.0]), 12);
        Assert.Equal(0, FisherZ.Average([1.0, -1.0]), 12);
    }

    [Fact]
    public void An_undefined_task_correlation_makes_the_average_undefined()
    {
        Assert.True(double.IsNaN(FisherZ.Average([0.5, double.NaN])));
    }

    [Fact]
    public void No_correlations_or_one_outside_minus_one_to_one_is_rejected()
    {
        Assert.Throws<MetricInputException>(() => FisherZ.Average([]));
        Assert.Throws<MetricInputException>(() => FisherZ.Average([0.5, 1.2]));
    }
}
