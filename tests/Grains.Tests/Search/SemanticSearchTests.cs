using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Grains.Tests.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Search;

public class SemanticSearchTests
{
    public static TheoryData<SimilarityFunction> Functions => [.. SimilarityFunctionNames.All];

    [Fact]
    public void Hits_match_the_numpy_reference_search()
    {
        var reference = MetricsFixture.Json("search.json");
        var topK = reference.GetProperty("top_k").GetInt32();

        var results = SemanticSearch.TopK(MetricsFixture.Matrix("queries.npy"), MetricsFixture.Matrix("corpus.npy"), topK);

        var expected = reference.GetProperty("expected");
        Assert.Equal(expected.GetArrayLength(), results.Length);
        foreach (var query in expected.EnumerateArray())
        {
            var q = query.GetProperty("query").GetInt32();
            var hits = query.GetProperty("hits");
            Assert.Equal(hits.EnumerateArray().Select(h => h.GetProperty("id").GetInt32()), results[q].Select(h => h.CorpusId));
            for (var i = 0; i < hits.GetArrayLength(); i++)
            {
                MetricsFixture.AssertRelative(hits[i].GetProperty("score").GetDouble(), results[q][i].Score, 1e-6, $"query {q} hit {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Hits_equal_the_float64_definition_on_random_sets(SimilarityFunction function)
    {
        var cases =
            from pair in RandomEmbeddings.Pair(maxRows: 50, maxDimensions: 36)
            from topK in Gen.Choose(1, pair.Right.Rows + 5)
            select (pair.Left, pair.Right, topK);

        Check.One(RandomEmbeddings.Config(), Prop.ForAll(Arb.From(cases), c =>
        {
            var results = SemanticSearch.TopK(c.Left, c.Right, c.topK, function, new KernelOptions { QueryBlockRows = 4, CorpusBlockRows = 16, QueryPanelRows = 9 });
            AssertSame(NaiveSearch.TopK(c.Left, c.Right, c.topK, function), results);
        }));
    }

    [Fact]
    public void Near_ties_below_float32_resolution_are_ranked_in_float64()
    {
        // Every cosine rounds to 1.0f in float32; in float64 the highest id is the best hit.
        var (query, corpus) = NearTies(rows: 300);

        var results = SemanticSearch.TopK(query, corpus, 5, SimilarityFunction.Cosine, null, out var rescans, CancellationToken.None);

        Assert.Equal(1, rescans);
        Assert.Equal([299, 298, 297, 296, 295], results[0].Select(h => h.CorpusId));
        AssertSame(NaiveSearch.TopK(query, corpus, 5, SimilarityFunction.Cosine), results);
    }

    [Theory]
    [InlineData(SimilarityFunction.Dot)]
    [InlineData(SimilarityFunction.Euclidean)]
    public void Scores_that_overflow_float32_are_ranked_in_float64(SimilarityFunction function)
    {
        var corpus = new EmbeddingMatrix(40, 3);
        for (var j = 0; j < corpus.Rows; j++)
        {
            corpus.Row(j)[0] = (j % 7 - 3) * 1e20f;
            corpus.Row(j)[1] = j * 1e19f;
            corpus.Row(j)[2] = -3e38f + j * 1e36f;
        }

        var queries = EmbeddingMatrix.FromRows([[2e20f, -1e20f, 3e38f], [1f, 2f, 3f]]);

        var results = SemanticSearch.TopK(queries, corpus, 4, function);

        AssertSame(NaiveSearch.TopK(queries, corpus, 4, function), results);
    }

    [Fact]
    public void Equal_scores_go_to_the_lower_corpus_id()
    {
        var corpus = EmbeddingMatrix.FromRows([[0f, 1f], [1f, 0f], [0f, 1f], [1f, 0f], [2f, 0f]]);
        var query = EmbeddingMatrix.FromRows([[1f, 0f]]);

        var hits = SemanticSearch.TopK(query, corpus, 4)[0];

        Assert.Equal([1, 3, 4, 0], hits.Select(h => h.CorpusId));
    }

    [Fact]
    public void K_beyond_the_corpus_returns_every_row()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");

        var hits = SemanticSearch.TopK(MetricsFixture.Matrix("queries.npy"), corpus, corpus.Rows + 100);

        Assert.All(hits, h => Assert.Equal(corpus.Rows, h.Length));
        Assert.All(hits, h => Assert.Equal(Enumerable.Range(0, corpus.Rows), h.Select(x => x.CorpusId).Order()));
    }

    [Fact]
    public void An_empty_corpus_gives_each_query_no_hits()
    {
        var results = SemanticSearch.TopK(new EmbeddingMatrix(3, 4), new EmbeddingMatrix(0, 4), 10);

        Assert.Equal(3, results.Length);
        Assert.All(results, hits => Assert.Empty(hits));
    }

    [Fact]
    public void No_queries_give_no_results()
    {
        Assert.Empty(SemanticSearch.TopK(new EmbeddingMatrix(0, 32), MetricsFixture.Matrix("corpus.npy"), 10));
    }

    [Fact]
    public void A_single_query_is_answered_the_same_when_the_corpus_is_sharded_across_threads()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var query = EmbeddingMatrix.FromRows([MetricsFixture.Matrix("queries.npy").Row(7).ToArray()]);
        var single = SemanticSearch.TopK(query, corpus, 25, SimilarityFunction.Cosine, new KernelOptions { MaxDegreeOfParallelism = 1 });

        var sharded = SemanticSearch.TopK(query, corpus, 25, SimilarityFunction.Cosine, new KernelOptions { MaxDegreeOfParallelism = 8, CorpusBlockRows = 16 });

        Assert.Equal(single[0], sharded[0]);
    }

    [Fact]
    public void Tile_sizes_and_threads_do_not_change_results()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var queries = MetricsFixture.Matrix("queries.npy");
        var reference = SemanticSearch.TopK(queries, corpus, 9, SimilarityFunction.Euclidean);

        var other = SemanticSearch.TopK(queries, corpus, 9, SimilarityFunction.Euclidean, new KernelOptions { MaxDegreeOfParallelism = 3, QueryBlockRows = 5, CorpusBlockRows = 33, QueryPanelRows = 12 });

        for (var q = 0; q < queries.Rows; q++)
        {
            Assert.Equal(reference[q], other[q]);
        }
    }

    [Fact]
    public void Rejects_NaN_in_the_corpus_naming_the_row()
    {
        var corpus = new EmbeddingMatrix(10, 3);
        corpus.Row(6)[1] = float.NaN;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => SemanticSearch.TopK(new EmbeddingMatrix(1, 3), corpus, 3));

        Assert.Equal("corpus", error.Input);
        Assert.Equal(6, error.Row);
    }

    [Fact]
    public void Rejects_k_below_one_and_mismatched_dimensions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SemanticSearch.TopK(new EmbeddingMatrix(1, 3), new EmbeddingMatrix(2, 3), 0));
        Assert.Throws<ArgumentException>(() => SemanticSearch.TopK(new EmbeddingMatrix(1, 3), new EmbeddingMatrix(2, 4), 1));
    }

    /// <summary>One query (1, 0) and rows (1, δ) with δ shrinking as the id grows, all within 2e-4 of the query's direction.</summary>
    internal static (EmbeddingMatrix Query, EmbeddingMatrix Corpus) NearTies(int rows)
    {
        var corpus = new EmbeddingMatrix(rows, 2);
        for (var j = 0; j < rows; j++)
        {
            corpus.Row(j)[0] = 1f;
            corpus.Row(j)[1] = (rows - j) * 5e-7f;
        }

        return (EmbeddingMatrix.FromRows([[1f, 0f]]), corpus);
    }

    private static void AssertSame((int Id, double Score)[][] expected, SearchHit[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var q = 0; q < expected.Length; q++)
        {
            Assert.Equal(expected[q].Select(h => h.Id), actual[q].Select(h => h.CorpusId));
            for (var i = 0; i < expected[q].Length; i++)
            {
                NaiveSearch.AssertSameScore(expected[q][i].Score, actual[q][i].Score, $"query {q} hit {i}");
            }
        }
    }
}
