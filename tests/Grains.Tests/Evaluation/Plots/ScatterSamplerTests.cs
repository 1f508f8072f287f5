using Similarity.Grains.Evaluation.Plots;

namespace Similarity.Grains.Tests.Evaluation.Plots;

public class ScatterSamplerTests
{
    [Fact]
    public void A_task_within_the_bound_keeps_every_pair_in_order()
    {
        double[] gold = [0.1, 0.5, 0.9];
        double[] predicted = [0.2, 0.4, 0.8];

        var scatter = ScatterSampler.Sample("cosine", gold, predicted, maxPoints: 3);

        Assert.Equal(("cosine", 3), (scatter.Function, scatter.Total));
        Assert.Equal(gold, scatter.Gold);
        Assert.Equal(predicted, scatter.Predicted);
    }

    [Fact]
    public void A_larger_task_keeps_exactly_the_bound_of_evenly_spaced_pairs_from_the_first()
    {
        var gold = Enumerable.Range(0, 10_000).Select(i => i / 10_000.0).ToArray();
        var predicted = gold.Select(g => -g).ToArray();

        var scatter = ScatterSampler.Sample("dot", gold, predicted, maxPoints: 2000);

        Assert.Equal(10_000, scatter.Total);
        Assert.Equal(Enumerable.Range(0, 2000).Select(k => k * 5 / 10_000.0), scatter.Gold);
        Assert.All(Enumerable.Range(0, 2000), k => Assert.Equal(-scatter.Gold[k], scatter.Predicted[k]));
    }

    [Fact]
    public void The_sample_is_the_same_on_every_call()
    {
        var random = new Random(7);
        var gold = Enumerable.Range(0, 5749).Select(_ => random.NextDouble()).ToArray();
        var predicted = Enumerable.Range(0, 5749).Select(_ => random.NextDouble()).ToArray();

        var first = ScatterSampler.Sample("cosine", gold, predicted);
        var second = ScatterSampler.Sample("cosine", gold, predicted);

        Assert.Equal(ScatterSampler.DefaultMaxPoints, first.Gold.Count);
        Assert.Equal(first.Gold, second.Gold);
        Assert.Equal(first.Predicted, second.Predicted);
    }

    [Fact]
    public void Gold_and_predicted_of_different_lengths_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ScatterSampler.Sample("cosine", [0.1, 0.2], [0.3]));

        Assert.Contains("2 gold scores but 1 predicted", error.Message);
    }
}
