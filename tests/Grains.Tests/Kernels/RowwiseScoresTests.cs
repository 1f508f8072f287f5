using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

public class RowwiseScoresTests
{
    public static TheoryData<string, SimilarityFunction> Cases()
    {
        var data = new TheoryData<string, SimilarityFunction>();
        foreach (var set in new[] { "sts", "pairs" })
        {
            foreach (var function in SimilarityFunctionNames.All)
            {
                data.Add(set, function);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_pairwise_scores_are_the_reference_rounded(string set, SimilarityFunction function)
    {
        var expected = MetricsFixture.Json(set + ".json").GetProperty("scores").GetProperty(function.Name());

        var scores = RowwiseScores.Compute(function, MetricsFixture.Matrix(set + "_a.npy"), MetricsFixture.Matrix(set + "_b.npy"));

        for (var i = 0; i < scores.Length; i++)
        {
            MetricsFixture.AssertRelative(expected[i].GetDouble(), scores[i], 1e-6, $"{set} row {i}");
        }
    }

    [Fact]
    public void Rejects_matrices_of_different_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RowwiseScores.Compute(SimilarityFunction.Cosine, new EmbeddingMatrix(3, 4), new EmbeddingMatrix(2, 4)));

        Assert.Contains("3x4", error.Message);
        Assert.Contains("2x4", error.Message);
    }

    [Fact]
    public void Rejects_NaN_naming_the_row()
    {
        var a = new EmbeddingMatrix(4, 2);
        a.Row(2)[0] = float.NaN;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => RowwiseScores.Compute(SimilarityFunction.Manhattan, a, new EmbeddingMatrix(4, 2)));

        Assert.Contains("row 2", error.Message);
    }
}
