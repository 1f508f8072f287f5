using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class CorrelationTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Pearson_matches_scipy_for_each_similarity_function(string function)
    {
        var sts = MetricFixture.Sts;

        var r = Correlation.Pearson(sts.Gold, sts.Scores[function]);

        MetricFixture.AssertClose(sts.Expected[$"pearson_{function}"], r, $"pearson_{function}");
    }

    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public void Spearman_matches_scipy_with_tied_gold_scores(string function)
    {
        var sts = MetricFixture.Sts;

        var rho = Correlation.Spearman(sts.Gold, sts.Scores[function]);

        MetricFixture.AssertClose(sts.Expected[$"spearman_{function}"], rho, $"spearman_{function}");
    }

    [Fact]
    public void Pearson_equals_the_pairwise_difference_formula_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.PairedValues, p =>
            p.X.Length < 2
                ? MetricGenerators.Rejects(() => Correlation.Pearson(p.X, p.Y))
                : MetricGenerators.SameOrBothNaN(NaiveMetrics.Pearson(p.X, p.Y), Correlation.Pearson(p.X, p.Y)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Spearman_equals_pearson_of_counted_average_ranks_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.PairedValues, p =>
            p.X.Length < 2
                ? MetricGenerators.Rejects(() => Correlation.Spearman(p.X, p.Y))
                : MetricGenerators.SameOrBothNaN(NaiveMetrics.Spearman(p.X, p.Y), Correlation.Spearman(p.X, p.Y)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Correlation_with_constant_scores_is_undefined_NaN_as_scipy_reports()
    {
        double[] gold = [0.1, 0.5, 0.9];
        double[] constant = [0.1, 0.1, 0.1];

        Assert.True(double.IsNaN(Correlation.Pearson(gold, constant)));
        Assert.True(double.IsNaN(Correlation.Spearman(gold, constant)));
        Assert.True(double.IsNaN(Correlation.Pearson(constant, gold)));
    }

    [Fact]
    public void Two_pairs_correlate_perfectly_in_their_direction()
    {
        Assert.Equal(1.0, Correlation.Pearson([1, 2], [5, 9]));
        Assert.Equal(-1.0, Correlation.Spearman([1, 2], [9, 5]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Fewer_than_two_pairs_are_rejected(int n)
    {
        var values = new double[n];

        var error = Assert.Throws<MetricInputException>(() => Correlation.Pearson(values, values));

        Assert.Contains("at least 2 pairs", error.Message);
    }

    [Fact]
    public void NaN_in_predicted_scores_is_rejected_naming_the_index()
    {
        var error = Assert.Throws<MetricInputException>(() => Correlation.Spearman([1, 2, 3], [0.5, double.NaN, 0.7]));

        Assert.Contains("predicted scores contain NaN at index 1", error.Message);
    }

    [Fact]
    public void NaN_anywhere_in_gold_or_scores_is_rejected_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.WithNaN, p =>
            MetricGenerators.Rejects(() => Correlation.Pearson(p.Values, p.Values.Select(v => 1.0).ToArray()))
            && MetricGenerators.Rejects(() => Correlation.Spearman(Enumerable.Range(0, p.Values.Length).Select(i => (double)i).ToArray(), p.Values)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Infinite_scores_are_rejected()
    {
        Assert.Throws<MetricInputException>(() => Correlation.Pearson([1, 2, 3], [1, double.PositiveInfinity, 3]));
    }

    [Fact]
    public void Inputs_of_different_lengths_are_rejected()
    {
        var error = Assert.Throws<MetricInputException>(() => Correlation.Pearson([1, 2, 3], [1, 2]));

        Assert.Contains("3 values", error.Message);
    }
}
