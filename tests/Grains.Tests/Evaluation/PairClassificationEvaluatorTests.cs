using Similarity.Grains.Evaluation.Evaluators;
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
    public async Task Encodes_each_distinct_sentence_once()
    {
        var encoder = FixedRowEncoder.FromFixture("pairs_a.npy", "pairs_b.npy");
        var pairs = FixtureTasks.Pairs();

        await new PairClassificationEvaluator().EvaluateAsync(encoder, [pairs, pairs]);

        Assert.Equal(2 * pairs.Count, encoder.EncodedTexts.Count());
    }
}
