using Similarity.Grains.Evaluation.Embedding;
using Similarity.Grains.Evaluation.Evaluators;
using Similarity.Grains.Evaluation.Scoring;
using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation;

public class PairScoringTests
{
    [Theory]
    [MemberData(nameof(MetricFixture.Functions), MemberType = typeof(MetricFixture))]
    public async Task Pair_scores_equal_the_float64_reference_scores(string function)
    {
        var embeddings = await EmbedStsAsync();
        var similarity = SimilarityFunctionNames.Parse(function);

        var scores = PairScorer.Score(embeddings, FixtureTasks.Sts(), [similarity]).Of(similarity);

        var expected = MetricFixture.Sts.Scores[function];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - scores[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"{function} pair {i}: {expected[i]} vs {scores[i]}");
        }
    }

    [Fact]
    public async Task Shards_scored_separately_and_merged_give_the_whole_task_metrics()
    {
        var embeddings = await EmbedStsAsync();
        var task = FixtureTasks.Sts();
        var functions = SimilarityFunctionNames.All;
        PairScores[] shards =
        [
            PairScorer.Score(embeddings, task, functions, start: 500),
            PairScorer.Score(embeddings, task, functions, start: 0, count: 123),
            PairScorer.Score(embeddings, task, functions, start: 123, count: 377),
        ];

        var merged = StsMetricSet.Compute(task.Scores, PairScores.Merge(shards));
        var whole = StsMetricSet.Compute(task.Scores, PairScorer.Score(embeddings, task, functions));

        Assert.Equal(whole, merged);
    }

    [Fact]
    public async Task Merging_shards_with_a_gap_is_rejected()
    {
        var embeddings = await EmbedStsAsync();
        var task = FixtureTasks.Sts();

        var error = Assert.Throws<ArgumentException>(() => PairScores.Merge(
        [
            PairScorer.Score(embeddings, task, [SimilarityFunction.Cosine], start: 0, count: 10),
            PairScorer.Score(embeddings, task, [SimilarityFunction.Cosine], start: 11, count: 5),
        ]));

        Assert.Contains("starts at pair 11, expected 10", error.Message);
    }

    [Fact]
    public async Task Metrics_refuse_a_lone_shard()
    {
        var embeddings = await EmbedStsAsync();
        var task = FixtureTasks.Sts();
        var shard = PairScorer.Score(embeddings, task, [SimilarityFunction.Cosine], start: 0, count: 10);

        var error = Assert.Throws<ArgumentException>(() => StsMetricSet.Compute(task.Scores, shard));

        Assert.Contains("Merge the shards first", error.Message);
    }

    private static Task<EmbeddedSentences> EmbedStsAsync()
    {
        var task = FixtureTasks.Sts();
        return SentenceEmbedder.EmbedAsync(FixedRowEncoder.FromFixture("sts_a.npy", "sts_b.npy"), task.First.Concat(task.Second), batchSize: 256);
    }
}
