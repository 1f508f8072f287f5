using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Metrics;

namespace Similarity.Grains.Tests.Metrics;

public class RanksTests
{
    [Fact]
    public void Tied_values_share_the_mean_of_the_ranks_they_span()
    {
        var ranks = Ranks.Average([30, 10, 20, 20, 20]);

        // 10 takes rank 1, the three 20s span ranks 2..4 (mean 3), 30 takes rank 5.
        Assert.Equal([5, 1, 3, 3, 3], ranks);
    }

    [Fact]
    public void Ranks_equal_counting_smaller_and_equal_values_on_random_inputs()
    {
        Prop.ForAll(MetricGenerators.PairedValues, p =>
                NaiveMetrics.AverageRanks(p.X).SequenceEqual(Ranks.Average(p.X)))
            .QuickCheckThrowOnFailure();
    }
}
