using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Grains.Tests.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Search;

public class ParaphraseMinerTests
{
    public static TheoryData<SimilarityFunction> Functions => [.. SimilarityFunctionNames.All];

    [Fact]
    public void Pairs_match_the_numpy_reference_mining()
    {
        var reference = MetricsFixture.Json("mining.json");

        var pairs = ParaphraseMiner.Mine(
            MetricsFixture.Matrix("corpus.npy"), reference.GetProperty("top_k").GetInt32(), reference.GetProperty("max_pairs").GetInt32());

        var expected = reference.GetProperty("expected");
        Assert.Equal(
            expected.EnumerateArray().Select(p => (p.GetProperty("i").GetInt32(), p.GetProperty("j").GetInt32())),
            pairs.Select(p => (p.First, p.Second)));
        for (var i = 0; i < pairs.Length; i++)
        {
            MetricsFixture.AssertRelative(expected[i].GetProperty("score").GetDouble(), pairs[i].Score, 1e-6, $"pair {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Pairs_equal_the_float64_definition_on_random_sets(SimilarityFunction function)
    {
        var cases =
            from rows in RandomEmbeddings.Single(maxRows: 45, maxDimensions: 30)
            from topK in Gen.Choose(1, rows.Rows + 3)
            from maxPairs in Gen.Frequency((1, Gen.Constant(int.MaxValue)), (3, Gen.Choose(1, 60)))
            select (rows, topK, maxPairs);

        Check.One(RandomEmbeddings.Config(), Prop.ForAll(Arb.From(cases), c =>
        {
            var pairs = ParaphraseMiner.Mine(c.rows, c.topK, c.maxPairs, function, new KernelOptions { QueryBlockRows = 4, CorpusBlockRows = 8, QueryPanelRows = 12 });
            AssertSameRanking(NaiveSearch.Mine(c.rows, c.topK, c.maxPairs, function), pairs);
        }));
    }

    [Fact]
    public void Near_ties_below_float32_resolution_are_ranked_in_float64()
    {
        var (_, rows) = SemanticSearchTests.NearTies(rows: 150);

        var pairs = ParaphraseMiner.Mine(rows, topK: 3, maxPairs: 40);

        AssertSame(NaiveSearch.Mine(rows, 3, 40, SimilarityFunction.Cosine), pairs);
    }

    [Fact]
    public void Each_pair_appears_once_with_the_lower_id_first()
    {
        var pairs = ParaphraseMiner.Mine(MetricsFixture.Matrix("corpus.npy"), topK: 10);

        Assert.All(pairs, p => Assert.True(p.First < p.Second));
        Assert.Equal(pairs.Length, pairs.Select(p => (p.First, p.Second)).Distinct().Count());
    }

    [Fact]
    public void Duplicate_rows_pair_up_first_with_score_one()
    {
        var rows = EmbeddingMatrix.FromRows([[1f, 2f], [5f, -1f], [1f, 2f], [0f, 3f]]);

        var best = ParaphraseMiner.Mine(rows, topK: 1, maxPairs: 1).Single();

        Assert.Equal((0, 2), (best.First, best.Second));
        Assert.Equal(1.0, best.Score, 12);
    }

    [Fact]
    public void One_row_or_none_have_no_pairs()
    {
        Assert.Empty(ParaphraseMiner.Mine(new EmbeddingMatrix(0, 3)));
        Assert.Empty(ParaphraseMiner.Mine(EmbeddingMatrix.FromRows([[1f, 2f, 3f]])));
    }

    [Fact]
    public void Tile_sizes_and_threads_do_not_change_results()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var reference = ParaphraseMiner.Mine(corpus, 4, 1000);

        var other = ParaphraseMiner.Mine(corpus, 4, 1000, SimilarityFunction.Cosine, new KernelOptions { MaxDegreeOfParallelism = 4, QueryBlockRows = 7, CorpusBlockRows = 50, QueryPanelRows = 30 });

        Assert.Equal(reference, other);
    }

    [Fact]
    public void Rejects_infinity_naming_the_row()
    {
        var rows = new EmbeddingMatrix(8, 2);
        rows.Row(5)[0] = float.NegativeInfinity;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => ParaphraseMiner.Mine(rows));

        Assert.Contains("row 5", error.Message);
    }

    [Fact]
    public void Rejects_non_positive_k_and_max_pairs()
    {
        var rows = new EmbeddingMatrix(3, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => ParaphraseMiner.Mine(rows, topK: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParaphraseMiner.Mine(rows, maxPairs: 0));
    }

    /// <summary>
    /// Rank by rank the same scores and, within each run of equal scores, the same pairs. Scores equal in exact
    /// arithmetic (cosine 1 between different copies) may differ in the last float64 bit between two formulas,
    /// so "equal" is within 1e-12; where such a run is cut by maxPairs, either choice is right.
    /// </summary>
    private static void AssertSameRanking((int First, int Second, double Score)[] expected, ParaphrasePair[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            NaiveSearch.AssertSameScore(expected[i].Score, actual[i].Score, $"pair {i}");
        }

        for (var start = 0; start < expected.Length;)
        {
            var end = start + 1;
            while (end < expected.Length && Math.Abs(expected[end].Score - expected[end - 1].Score) <= 1e-12)
            {
                end++;
            }

            if (end < expected.Length)
            {
                Assert.Equal(
                    expected[start..end].Select(p => (p.First, p.Second)).Order(),
                    actual[start..end].Select(p => (p.First, p.Second)).Order());
            }

            start = end;
        }
    }

    private static void AssertSame((int First, int Second, double Score)[] expected, ParaphrasePair[] actual)
    {
        Assert.Equal(expected.Select(p => (p.First, p.Second)), actual.Select(p => (p.First, p.Second)));
        for (var i = 0; i < expected.Length; i++)
        {
            NaiveSearch.AssertSameScore(expected[i].Score, actual[i].Score, $"pair {i}");
        }
    }
}
