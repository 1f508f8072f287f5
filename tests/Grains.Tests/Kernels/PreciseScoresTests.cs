using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Tests.Kernels;

public class PreciseScoresTests
{
    public static TheoryData<SimilarityFunction> Functions => [.. SimilarityFunctionNames.All];

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

    [Theory]
    [MemberData(nameof(Functions))]
    public void Scores_of_rows_of_any_length_equal_the_plain_float64_loop(SimilarityFunction function)
    {
        // Lengths that are not whole vectors exercise the scalar tail, which the fixtures' dimensions never reach.
        var rows =
            from dimensions in Gen.Choose(1, 40)
            from values in Gen.Elements(RandomEmbeddings.SmallIntegers, RandomEmbeddings.Reals)
            from a in Gen.ArrayOf(values, dimensions)
            from b in Gen.ArrayOf(values, dimensions)
            select (a, b);

        Check.One(RandomEmbeddings.Config(), Prop.ForAll(Arb.From(rows), r =>
        {
            var expected = NaiveScores.Score(function, r.a, r.b);
            var actual = PreciseScores.Score(function, r.a, r.b);
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{r.a.Length} dimensions: expected {expected:R}, got {actual:R}");
        }));
    }

    [Fact]
    public void Cosine_of_a_zero_vector_is_zero()
    {
        Assert.Equal(0, PreciseScores.Cosine([0f, 0f], [1f, 2f]));
    }
}
