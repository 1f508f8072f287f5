using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>Top-k search scattered to a corpus's shards on two silos and merged: the hits in-process search gives on the same embeddings.</summary>
public sealed class CorpusSearchTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine)]
    [InlineData(ScoreFunction.Dot, SimilarityFunction.Dot)]
    [InlineData(ScoreFunction.Manhattan, SimilarityFunction.Manhattan)]
    [InlineData(ScoreFunction.Euclidean, SimilarityFunction.Euclidean)]
    public async Task Hits_over_three_shards_equal_in_process_search(ScoreFunction function, SimilarityFunction kernel)
    {
        await using var client = Cluster.Sdk();
        var name = $"search-{function}".ToLowerInvariant();
        var corpus = OperationData.WithTies(1200, 24, seed: 3);
        await OperationData.StoreAsync(client, name, corpus, shards: 3);

        // Corpus rows as queries (their duplicates tie exactly) and fresh rows.
        var queries = new FloatMatrix(40, 24, [.. corpus.Values.AsSpan(0, 20 * 24), .. UnitRows.Random(20, 24, seed: 4).Values]);
        var hits = await client.CorpusOperations.SearchAsync(name, queries, topK: 9, function);

        var expected = SemanticSearch.TopK(OperationData.ToEmbeddings(queries), OperationData.ToEmbeddings(corpus), 9, kernel);
        AssertSame(expected, hits);
        Assert.Contains(hits, h => h[0].Score == h[1].Score);
    }

    [Fact]
    public async Task A_float16_corpus_gives_the_hits_of_its_widened_rows_within_1e_3_of_float32()
    {
        await using var client = Cluster.Sdk();
        var corpus = OperationData.WithTies(900, 32, seed: 5);
        await OperationData.StoreAsync(client, "search-half", corpus, shards: 4, StoragePrecision.Float16);
        var queries = UnitRows.Random(30, 32, seed: 6);

        var hits = await client.CorpusOperations.SearchAsync("search-half", queries, topK: 5);

        AssertSame(SemanticSearch.TopK(OperationData.ToEmbeddings(queries), OperationData.AsFloat16(corpus), 5), hits);
        var single = SemanticSearch.TopK(OperationData.ToEmbeddings(queries), OperationData.ToEmbeddings(corpus), 5);
        for (var q = 0; q < single.Length; q++)
        {
            for (var k = 0; k < 5; k++)
            {
                Assert.InRange(hits[q][k].Score - single[q][k].Score, -1e-3, 1e-3);
                var separated = (k == 0 || single[q][k - 1].Score - single[q][k].Score > 1e-3) && (k == 4 || single[q][k].Score - single[q][k + 1].Score > 1e-3);
                if (separated)
                {
                    Assert.Equal(single[q][k].CorpusId, hits[q][k].Row);
                }
            }
        }
    }

    [Fact]
    public async Task More_hits_than_rows_return_every_row_and_an_empty_corpus_none()
    {
        await using var client = Cluster.Sdk();
        var corpus = UnitRows.Random(60, 8, seed: 7);
        await OperationData.StoreAsync(client, "search-small", corpus, shards: 2);
        await client.Corpora.CreateAsync("search-empty", "external", shards: 2);
        var queries = UnitRows.Random(3, 8, seed: 8);

        var hits = await client.CorpusOperations.SearchAsync("search-small", queries, topK: 100);
        var none = await client.CorpusOperations.SearchAsync("search-empty", queries, topK: 5);

        AssertSame(SemanticSearch.TopK(OperationData.ToEmbeddings(queries), OperationData.ToEmbeddings(corpus), 100), hits);
        Assert.All(hits, h => Assert.Equal(60, h.Length));
        Assert.All(none, Assert.Empty);
    }

    [Fact]
    public async Task Bad_requests_name_the_corpus()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "search-bad", UnitRows.Random(60, 8, seed: 9), shards: 2);

        var missing = await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.CorpusOperations.SearchAsync("search-none", UnitRows.Random(1, 8, 1)));
        var width = await Assert.ThrowsAsync<InvalidRequestException>(() => client.CorpusOperations.SearchAsync("search-bad", UnitRows.Random(1, 9, 1)));
        var topK = await Assert.ThrowsAsync<InvalidRequestException>(() => client.CorpusOperations.SearchAsync("search-bad", UnitRows.Random(1, 8, 1), topK: 0));

        Assert.Contains("search-none", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'search-bad' holds rows of 8", width.Message, StringComparison.Ordinal);
        Assert.Contains("top-k", topK.Message, StringComparison.Ordinal);
    }

    internal static void AssertSame(SearchHit[][] expected, CorpusHit[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var q = 0; q < expected.Length; q++)
        {
            Assert.Equal(expected[q].Select(h => ((long)h.CorpusId, h.Score)), actual[q].Select(h => (h.Row, h.Score)));
        }
    }
}
