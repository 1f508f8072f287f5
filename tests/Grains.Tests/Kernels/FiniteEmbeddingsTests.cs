using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

public class FiniteEmbeddingsTests
{
    [Fact]
    public void Every_entry_point_rejects_a_non_finite_value_naming_its_row_and_column()
    {
        var cases =
            from matrix in RandomEmbeddings.Single(maxRows: 30, maxDimensions: 20).Where(m => m.Rows > 0)
            from row in Gen.Choose(0, matrix.Rows - 1)
            from column in Gen.Choose(0, matrix.Columns - 1)
            from value in Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity)
            select (matrix, row, column, value);

        Check.One(RandomEmbeddings.Config(60), Prop.ForAll(Arb.From(cases), c =>
        {
            c.matrix.Row(c.row)[c.column] = c.value;
            var clean = new EmbeddingMatrix(2, c.matrix.Columns);
            var calls = new Action[]
            {
                () => AllPairsScores.Compute(SimilarityFunction.Cosine, clean, c.matrix),
                () => RowwiseScores.Compute(SimilarityFunction.Dot, c.matrix, new EmbeddingMatrix(c.matrix.Rows, c.matrix.Columns)),
                () => SemanticSearch.TopK(clean, c.matrix, 3),
                () => SemanticSearch.TopK(c.matrix, clean, 3, SimilarityFunction.Manhattan),
                () => ParaphraseMiner.Mine(c.matrix, 2, 10, SimilarityFunction.Euclidean),
                () => CommunityDetector.Detect(c.matrix, 0.5, 1),
            };

            foreach (var call in calls)
            {
                var error = Assert.Throws<NonFiniteEmbeddingException>(call);
                Assert.Equal((c.row, c.column), (error.Row, error.Column));
                Assert.Contains($"row {c.row}", error.Message);
            }
        }));
    }

    [Fact]
    public void Extreme_finite_values_are_accepted()
    {
        var matrix = EmbeddingMatrix.FromRows([[float.MaxValue, float.MinValue, float.Epsilon, -0f]]);

        var exception = Record.Exception(() => FiniteEmbeddings.EnsureFinite(matrix, "m"));

        Assert.Null(exception);
    }
}
