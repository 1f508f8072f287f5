using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Datasets;
using Similarity.Grains.Evaluation;
using Similarity.Grains.Evaluation.Evaluators;
using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Metrics;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Evaluation;

public class StsEvaluatorTests
{
    [Fact]
    public async Task Reports_sentence_transformers_keys_with_the_scipy_reference_values()
    {
        var encoder = FixedRowEncoder.FromFixture("sts_a.npy", "sts_b.npy");

        var result = Assert.Single(await new StsEvaluator().EvaluateAsync(encoder, [FixtureTasks.Sts()]));

        string[] keys =
        [
            "pearson_cosine", "spearman_cosine", "pearson_dot", "spearman_dot",
            "pearson_manhattan", "spearman_manhattan", "pearson_euclidean", "spearman_euclidean",
        ];
        Assert.Equal("sts", result.Name);
        Assert.Equal(keys, result.Metrics.Keys);
        foreach (var key in keys)
        {
            MetricFixture.AssertClose(MetricFixture.Sts.Expected[key], result.Metrics[key], key);
        }
    }

    [Fact]
    public async Task The_result_keeps_gold_against_the_first_functions_scores_for_every_pair_of_a_small_task()
    {
        var encoder = FixedRowEncoder.FromFixture("sts_a.npy", "sts_b.npy");
        var task = FixtureTasks.Sts();

        var result = Assert.Single(await new StsEvaluator().EvaluateAsync(encoder, [task]));

        var scatter = Assert.IsType<ScoreScatter>(result.Scatter);
        Assert.Equal(("cosine", 800, 800), (scatter.Function, scatter.Total, result.PairCount));
        Assert.Equal(task.Scores, scatter.Gold);
        var reference = MetricFixture.Sts.Scores["cosine"];
        Assert.All(Enumerable.Range(0, reference.Length), i => Assert.Equal(reference[i], scatter.Predicted[i], 1e-9));
        Assert.Empty(result.Curves);
    }

    [Fact]
    public async Task Encodes_each_distinct_sentence_once_in_batches_no_larger_than_the_batch_size()
    {
        var encoder = FixedRowEncoder.FromFixture("sts_a.npy", "sts_b.npy");
        var sts = FixtureTasks.Sts();
        var reused = new SimilarityTask("reused", sts.Second.Take(100).ToArray(), sts.First.Take(100).ToArray(), sts.Scores.Take(100).ToArray());

        await new StsEvaluator(new EvaluationOptions { BatchSize = 64 }).EvaluateAsync(encoder, [sts, reused]);

        var encoded = encoder.EncodedTexts.ToList();
        Assert.Equal(2 * sts.Count, encoded.Count);
        Assert.Equal(encoded.Count, encoded.Distinct().Count());
        Assert.All(encoder.Batches, b => Assert.InRange(b.Count, 1, 64));
    }

    [Fact]
    public async Task Reports_only_the_configured_similarity_functions()
    {
        var encoder = FixedRowEncoder.FromFixture("sts_a.npy", "sts_b.npy");
        var options = new EvaluationOptions { SimilarityFunctions = [SimilarityFunction.Euclidean] };

        var result = Assert.Single(await new StsEvaluator(options).EvaluateAsync(encoder, [FixtureTasks.Sts()]));

        Assert.Equal(["pearson_euclidean", "spearman_euclidean"], result.Metrics.Keys);
    }

    [Fact]
    public async Task An_encoder_returning_the_wrong_shape_is_reported()
    {
        var task = new SimilarityTask("t", ["x", "y"], ["z", "w"], [0.1, 0.9]);

        var error = await Assert.ThrowsAsync<ModelOutputException>(() => new StsEvaluator().EvaluateAsync(new ShortEncoder(), [task]));

        Assert.Contains("expected 4x3", error.Message);
    }

    [Fact]
    public async Task An_encoder_returning_NaN_is_reported_with_the_sentence()
    {
        var rows = new Dictionary<string, float[]> { ["fine"] = [1, 0], ["broken"] = [float.NaN, 1], ["other"] = [0, 1] };
        var task = new SimilarityTask("t", ["fine", "other"], ["broken", "fine"], [0.1, 0.9]);

        var error = await Assert.ThrowsAsync<ModelOutputException>(() => new StsEvaluator().EvaluateAsync(new FixedRowEncoder(rows, 2), [task]));

        Assert.Contains("\"broken\"", error.Message);
    }

    /// <summary>Test double for a faulty encoder: always returns one row too few.</summary>
    private sealed class ShortEncoder : ISentenceEncoder
    {
        public int Dimension => 3;

        public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromResult(new EmbeddingMatrix(texts.Count - 1, 3));
    }
}
