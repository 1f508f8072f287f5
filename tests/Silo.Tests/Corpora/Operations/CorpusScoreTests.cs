using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Kernels;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>Pairwise scores of queries against a corpus, computed by its shards and streamed in blocks: bit for bit the in-process all-pairs matrix.</summary>
public sealed class CorpusScoreTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine)]
    [InlineData(ScoreFunction.Dot, SimilarityFunction.Dot)]
    [InlineData(ScoreFunction.Manhattan, SimilarityFunction.Manhattan)]
    [InlineData(ScoreFunction.Euclidean, SimilarityFunction.Euclidean)]
    public async Task The_matrix_over_three_shards_equals_the_in_process_matrix(ScoreFunction function, SimilarityFunction kernel)
    {
        await using var client = Cluster.Sdk();
        var name = $"score-{function}".ToLowerInvariant();
        var corpus = UnitRows.Random(700, 20, seed: 51);
        await OperationData.StoreAsync(client, name, corpus, shards: 3);
        var queries = UnitRows.Random(25, 20, seed: 52);

        var scores = await ScoresAsync(client, name, queries, function);

        var expected = AllPairsScores.Compute(kernel, OperationData.ToEmbeddings(queries), OperationData.ToEmbeddings(corpus));
        Assert.Equal(expected.Buffer, scores);
    }

    [Fact]
    public async Task A_float16_corpus_scores_its_widened_rows()
    {
        await using var client = Cluster.Sdk();
        var corpus = UnitRows.Random(300, 16, seed: 53);
        await OperationData.StoreAsync(client, "score-half", corpus, shards: 2, StoragePrecision.Float16);
        var queries = UnitRows.Random(10, 16, seed: 54);

        var scores = await ScoresAsync(client, "score-half", queries, ScoreFunction.Cosine);

        Assert.Equal(AllPairsScores.Compute(SimilarityFunction.Cosine, OperationData.ToEmbeddings(queries), OperationData.AsFloat16(corpus)).Buffer, scores);
        var single = AllPairsScores.Compute(SimilarityFunction.Cosine, OperationData.ToEmbeddings(queries), OperationData.ToEmbeddings(corpus)).Buffer;
        Assert.All(scores.Zip(single), s => Assert.InRange(s.First - s.Second, -1e-3, 1e-3));
    }

    [Fact]
    public async Task Queries_of_another_width_are_refused_naming_the_corpus()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "score-bad", UnitRows.Random(50, 8, seed: 55), shards: 2);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ScoresAsync(client, "score-bad", UnitRows.Random(2, 9, 1), ScoreFunction.Cosine));

        Assert.Contains("corpus 'score-bad' holds rows of 8", error.Message, StringComparison.Ordinal);
    }

    private static async Task<float[]> ScoresAsync(Similarity.Client.SimilarityClient client, string name, FloatMatrix queries, ScoreFunction function)
    {
        var values = new List<float>();
        var blocks = 0;
        await client.CorpusOperations.ScoreAsync(
            name,
            queries,
            function,
            (block, _) =>
            {
                values.AddRange(block.Values);
                blocks++;
                return ValueTask.CompletedTask;
            });
        Assert.True(blocks >= 1);
        return [.. values];
    }
}
