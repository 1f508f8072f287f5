using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

public class UnitRowsTests
{
    [Fact]
    public void Every_row_becomes_unit_length_in_its_own_direction()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");

        var unit = UnitRows.Normalize(corpus);

        for (var i = 0; i < corpus.Rows; i++)
        {
            Assert.InRange(PreciseScores.Norm(unit.Row(i)), 1 - 1e-6, 1 + 1e-6);
            Assert.InRange(PreciseScores.Cosine(unit.Row(i), corpus.Row(i)), 1 - 1e-6, 1 + 1e-6);
        }
    }

    [Fact]
    public void A_zero_row_stays_zero()
    {
        var unit = UnitRows.Normalize(EmbeddingMatrix.FromRows([[0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f]]));

        Assert.All(unit.Buffer, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Tiny_rows_are_divided_by_the_minimum_norm_like_sentence_transformers()
    {
        var unit = UnitRows.Normalize(EmbeddingMatrix.FromRows([[3e-13f, 4e-13f]]));

        Assert.Equal(0.3f, unit[0, 0], 1e-6f);
        Assert.Equal(0.4f, unit[0, 1], 1e-6f);
    }
}
