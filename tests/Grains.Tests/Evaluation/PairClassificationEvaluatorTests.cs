using Similarity.Grains.Evaluation.Evaluators;
using Similarity.Grains.Evaluation.Plots;
using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation;

public class PairClassificationEvaluatorTests
{
    [Fact]
    public async Task Reports_all_eight_measures_per_function_with_the_reference_values()
    {
        var encoder = FixedRowEncoder.FromFixture("pairs_a.npy", "pairs_b.npy");

        var result = Assert.Single(await new PairClassificationEvaluator().EvaluateAsync(encoder, [FixtureTasks.Pairs()]));

        string[] measures = ["accuracy", "accuracy_threshold", "f1", "f1_threshold", "precision", "recall", "ap", "mcc"];
        var keys = SimilarityFunctionNames.All.SelectMany(f => measures.Select(m => $"{f.Name()}_{m}")).ToList();
        Assert.Equal(keys, result.Metrics.Keys);
        foreach (var key in keys)
        {
            MetricFixture.AssertClose(MetricFixture.Pairs.Expected[key], result.Metrics[key], key);
        }
    }

    [Fact]
    public async Task The_result_has_a_bounded_precision_recall_curve_per_function_from_the_whole_task()
    {
        var encoder = FixedRowEncoder.FromFixture("pairs_a.npy", "pairs_b.npy");
        var labels = MetricFixture.Pairs.Labels;

        var result = Assert.Single(await new PairClassificationEvaluator().EvaluateAsync(encoder, [FixtureTasks.Pairs()]));

        Assert.Equal(SimilarityFunctionNames.All.Select(f => f.Name()), result.Curves.Select(c => c.Function));
        Assert.Equal(1200, result.PairCount);
        Assert.Null(result.Scatter);
        foreach (var curve in result.Curves)
        {
            Assert.Equal(PrecisionRecallSweep.DefaultMaxPoints, curve.Recall.Count);
            Assert.Equal(MetricFixture.Pairs.Scores[curve.Function].Max(), curve.Threshold[0], 1e-9);
            Assert.Equal(1.0, curve.Recall[^1]);
            Assert.Equal(labels.Sum() / (double)labels.Length, curve.Precision[^1]);
        }
    }

    [Fact]
    public async Task Encodes_each_distinct_sentence_once()
    {
        var encoder = FixedRowEncoder.FromFixture("pairs_a.npy", "pairs_b.npy");
        var pairs = FixtureTasks.Pairs();

        await new PairClassificationEvaluator().EvaluateAsync(encoder, [pairs, pairs]);

        Assert.Equal(2 * pairs.Count, encoder.EncodedTexts.Count());
    }
}
