using Similarity.Grains.Kernels;

namespace Similarity.Grains.Tests.Kernels;

public class PreciseScoresTests
{
    [Theory]
    [MemberData(nameof(RowwiseScoresTests.Cases), MemberType = typeof(RowwiseScoresTests))]
    public void Scores_match_the_numpy_float64_reference(string set, SimilarityFunction function)
    {
        var expected = MetricsFixture.Json(set + ".json").GetProperty("scores").GetProperty(function.Name());
        var a = MetricsFixture.Matrix(set + "_a.npy");
        var b = MetricsFixture.Matrix(set + "_b.npy");

        Assert.Equal(expected.GetArrayLength(), a.Rows);
        for (var i = 0; i < a.Rows; i++)
        {
            MetricsFixture.AssertRelative(expected[i].GetDouble(), PreciseScores.Score(function, a.Row(i), b.Row(i)), 1e-12, $"{set} row {i}");
        }
    }

    [Fact]
    public void Cosine_of_a_zero_vector_is_zero()
    {
        Assert.Equal(0, PreciseScores.Cosine([0f, 0f], [1f, 2f]));
    }
}
