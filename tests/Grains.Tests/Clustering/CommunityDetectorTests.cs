using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Clustering;

public class CommunityDetectorTests
{
    [Fact]
    public void Communities_match_the_numpy_reference()
    {
        var reference = MetricsFixture.Json("communities.json");

        var communities = CommunityDetector.Detect(
            MetricsFixture.Matrix("corpus.npy"), reference.GetProperty("threshold").GetDouble(), reference.GetProperty("min_size").GetInt32());

        var expected = reference.GetProperty("expected");
        Assert.Equal(expected.GetArrayLength(), communities.Length);
        for (var c = 0; c < communities.Length; c++)
        {
            Assert.Equal(expected[c].GetProperty("centre").GetInt32(), communities[c].Centre);
            Assert.Equal(expected[c].GetProperty("members").EnumerateArray().Select(m => m.GetInt32()), communities[c].Members);
        }
    }

    [Fact]
    public void Communities_equal_the_float64_definition_on_random_sets()
    {
        var cases =
            from rows in RandomEmbeddings.Single(maxRows: 60, maxDimensions: 6)
            from threshold in Gen.Elements(-0.2, 0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.99)
            from minSize in Gen.Choose(1, 6)
            select (rows, threshold, minSize);

        Check.One(RandomEmbeddings.Config(200), Prop.ForAll(Arb.From(cases), c =>
        {
            var communities = CommunityDetector.Detect(c.rows, c.threshold, c.minSize, new KernelOptions { QueryBlockRows = 5, CorpusBlockRows = 8, QueryPanelRows = 15 });
            AssertSame(NaiveCommunities.Detect(c.rows, c.threshold, c.minSize), communities);
        }));
    }

    [Fact]
    public void Scores_straddling_the_threshold_below_float32_resolution_are_decided_in_float64()
    {
        // Rows (1, δ) with δ spaced 1e-5 apart: every cosine rounds to 1.0f, but only neighbours within
        // 10 steps reach the threshold in float64.
        var rows = new EmbeddingMatrix(80, 2);
        for (var i = 0; i < rows.Rows; i++)
        {
            rows.Row(i)[0] = 1f;
            rows.Row(i)[1] = i * 1e-5f;
        }

        var communities = CommunityDetector.Detect(rows, threshold: 1 - 5.2e-9, minCommunitySize: 5);

        AssertSame(NaiveCommunities.Detect(rows, 1 - 5.2e-9, 5), communities);
        Assert.Equal(21, communities[0].Members.Count);
    }

    [Fact]
    public void The_centre_is_the_first_member_and_members_never_repeat()
    {
        var communities = CommunityDetector.Detect(MetricsFixture.Matrix("corpus.npy"), 0.7, 3);

        Assert.All(communities, c => Assert.Equal(c.Members[0], c.Centre));
        var all = communities.SelectMany(c => c.Members).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Minimum_size_is_clamped_to_the_number_of_rows_like_sentence_transformers()
    {
        var rows = EmbeddingMatrix.FromRows([[1f, 0f], [1f, 0.01f], [1f, -0.01f]]);

        var communities = CommunityDetector.Detect(rows, threshold: 0.9, minCommunitySize: 10);

        var community = Assert.Single(communities);
        Assert.Equal([0, 1, 2], community.Members);
    }

    [Fact]
    public void No_rows_give_no_communities()
    {
        Assert.Empty(CommunityDetector.Detect(new EmbeddingMatrix(0, 8)));
    }

    [Fact]
    public void Tile_sizes_and_threads_do_not_change_results()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var reference = CommunityDetector.Detect(corpus, 0.75, 5);

        var other = CommunityDetector.Detect(corpus, 0.75, 5, new KernelOptions { MaxDegreeOfParallelism = 3, QueryBlockRows = 9, CorpusBlockRows = 31, QueryPanelRows = 40 });

        AssertSame(reference.Select(c => c.Members.ToArray()).ToList(), other);
    }

    [Fact]
    public void Rejects_NaN_naming_the_row()
    {
        var rows = new EmbeddingMatrix(4, 3);
        rows.Row(1)[2] = float.NaN;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => CommunityDetector.Detect(rows));

        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void Rejects_a_non_finite_threshold_and_a_minimum_size_below_one()
    {
        var rows = new EmbeddingMatrix(4, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => CommunityDetector.Detect(rows, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommunityDetector.Detect(rows, 0.5, 0));
    }

    private static void AssertSame(List<int[]> expected, Community[] actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var c = 0; c < expected.Count; c++)
        {
            Assert.Equal(expected[c], actual[c].Members);
            Assert.Equal(expected[c][0], actual[c].Centre);
        }
    }
}
