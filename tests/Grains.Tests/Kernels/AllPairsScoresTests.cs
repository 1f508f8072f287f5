using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

public class AllPairsScoresTests
{
    public static TheoryData<SimilarityFunction> Functions => [.. SimilarityFunctionNames.All];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_score_is_within_float32_error_of_the_float64_definition(SimilarityFunction function)
    {
        var property = Prop.ForAll(Arb.From(RandomEmbeddings.Pair()), pair =>
        {
            var (left, right) = pair;
            var scores = AllPairsScores.Compute(function, left, right);
            Assert.Equal(left.Rows, scores.Rows);
            Assert.Equal(right.Rows, scores.Columns);
            for (var i = 0; i < left.Rows; i++)
            {
                for (var j = 0; j < right.Rows; j++)
                {
                    var expected = NaiveScores.Score(function, left.Row(i), right.Row(j));
                    var allowed = NaiveScores.Float32Allowance(function, left.Row(i), right.Row(j));
                    Assert.True(Math.Abs(scores[i, j] - expected) <= allowed, $"[{i},{j}] expected {expected}, got {scores[i, j]}");
                }
            }
        });

        Check.One(RandomEmbeddings.Config(), property);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Diagonal_of_sts_pairs_matches_the_reference_scores(SimilarityFunction function)
    {
        var a = MetricsFixture.Matrix("sts_a.npy");
        var b = MetricsFixture.Matrix("sts_b.npy");
        var expected = MetricsFixture.Json("sts.json").GetProperty("scores").GetProperty(function.Name());

        var scores = AllPairsScores.Compute(function, a, b);

        for (var i = 0; i < a.Rows; i++)
        {
            var allowed = NaiveScores.Float32Allowance(function, a.Row(i), b.Row(i));
            var reference = expected[i].GetDouble();
            Assert.True(Math.Abs(scores[i, i] - reference) <= allowed, $"row {i}: expected {reference}, got {scores[i, i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Equal_rows_get_bit_equal_scores_and_the_matrix_is_symmetric(SimilarityFunction function)
    {
        var property = Prop.ForAll(Arb.From(RandomEmbeddings.Single(maxRows: 30, maxDimensions: 40)), matrix =>
        {
            var scores = AllPairsScores.Compute(function, matrix, matrix);
            for (var i = 0; i < matrix.Rows; i++)
            {
                for (var j = 0; j < matrix.Rows; j++)
                {
                    Assert.Equal(scores[i, j], scores[j, i]);
                    if (i != j && matrix.Row(i).SequenceEqual(matrix.Row(j)))
                    {
                        Assert.Equal(scores[i, i], scores[i, j]);
                        for (var k = 0; k < matrix.Rows; k++)
                        {
                            Assert.Equal(scores[i, k], scores[j, k]);
                        }
                    }
                }
            }
        });

        Check.One(RandomEmbeddings.Config(100), property);
    }

    [Fact]
    public void Tile_sizes_and_thread_counts_do_not_change_any_bit()
    {
        var corpus = MetricsFixture.Matrix("corpus.npy");
        var queries = MetricsFixture.Matrix("queries.npy");
        var reference = AllPairsScores.Compute(SimilarityFunction.Cosine, queries, corpus);

        foreach (var options in new[]
        {
            new KernelOptions { MaxDegreeOfParallelism = 1, QueryBlockRows = 1, CorpusBlockRows = 1 },
            new KernelOptions { MaxDegreeOfParallelism = 2, QueryBlockRows = 3, CorpusBlockRows = 7 },
            new KernelOptions { MaxDegreeOfParallelism = 2, QueryBlockRows = 5, CorpusBlockRows = 13, QueryPanelRows = 11 },
            new KernelOptions { MaxDegreeOfParallelism = 4, QueryBlockRows = 500, CorpusBlockRows = 5000 },
        })
        {
            var scores = AllPairsScores.Compute(SimilarityFunction.Cosine, queries, corpus, options);
            Assert.Equal(reference.Buffer, scores.Buffer);
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Sides_packed_by_several_threads_score_as_band_by_band(SimilarityFunction function)
    {
        // Over 2016 rows a side is packed in parallel tasks; bands of 100 rows are each packed by one.
        var left = SentenceLikeEmbeddings.Create(rows: 4500, dimensions: 7, seed: 21);
        var right = SentenceLikeEmbeddings.Create(rows: 2100, dimensions: 7, seed: 22);
        var whole = AllPairsScores.Compute(function, left, right, new KernelOptions { MaxDegreeOfParallelism = 2 });

        var banded = new float[whole.Data.Length];
        for (var first = 0; first < left.Rows; first += 100)
        {
            var rows = Math.Min(100, left.Rows - first);
            AllPairsScores.Compute(function, left.Data.Slice(first * 7, rows * 7), right.Data, 7, banded.AsSpan(first * right.Rows, rows * right.Rows));
        }

        Assert.Equal(banded, whole.Buffer);

        // With the sides swapped the 4500 rows are the right side, packed in parallel tasks too: the transpose, bit for bit.
        var swapped = AllPairsScores.Compute(function, right, left);
        var mismatches = 0;
        for (var i = 0; i < left.Rows; i++)
        {
            for (var j = 0; j < right.Rows; j++)
            {
                mismatches += swapped[j, i] == whole[i, j] ? 0 : 1;
            }
        }

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Span_kernels_name_their_maths_and_agree_with_the_matrix_call()
    {
        var a = MetricsFixture.Matrix("pairs_a.npy");
        var b = MetricsFixture.Matrix("pairs_b.npy");
        var destination = new float[a.Rows * b.Rows];
        var kernels = new (SimilarityFunction Function, Action Run)[]
        {
            (SimilarityFunction.Cosine, () => AllPairsScores.Cosine(a.Data, b.Data, a.Columns, destination)),
            (SimilarityFunction.Dot, () => AllPairsScores.Dot(a.Data, b.Data, a.Columns, destination)),
            (SimilarityFunction.Manhattan, () => AllPairsScores.NegatedManhattan(a.Data, b.Data, a.Columns, destination)),
            (SimilarityFunction.Euclidean, () => AllPairsScores.NegatedEuclidean(a.Data, b.Data, a.Columns, destination)),
        };

        foreach (var (function, run) in kernels)
        {
            run();
            Assert.Equal(AllPairsScores.Compute(function, a, b).Buffer, destination);
        }
    }

    [Fact]
    public void A_zero_row_has_cosine_zero_with_everything()
    {
        var rows = EmbeddingMatrix.FromRows([[0f, 0f, 0f], [1f, 2f, 3f]]);

        var scores = AllPairsScores.Compute(SimilarityFunction.Cosine, rows, rows);

        Assert.Equal([0f, 0f, 0f, 1f], scores.Buffer[..3].Append(MathF.Round(scores[1, 1], 5)));
    }

    [Fact]
    public void Identical_rows_have_distance_score_positive_zero()
    {
        var rows = EmbeddingMatrix.FromRows([[1.5f, -2f]]);

        Assert.Equal(0f, AllPairsScores.Compute(SimilarityFunction.Manhattan, rows, rows)[0, 0]);
        Assert.False(float.IsNegative(AllPairsScores.Compute(SimilarityFunction.Manhattan, rows, rows)[0, 0]));
        Assert.False(float.IsNegative(AllPairsScores.Compute(SimilarityFunction.Euclidean, rows, rows)[0, 0]));
    }

    [Fact]
    public void Empty_sides_give_an_empty_matrix()
    {
        var none = new EmbeddingMatrix(0, 4);
        var some = new EmbeddingMatrix(3, 4);

        Assert.Equal((0, 3), Shape(AllPairsScores.Compute(SimilarityFunction.Cosine, none, some)));
        Assert.Equal((3, 0), Shape(AllPairsScores.Compute(SimilarityFunction.Dot, some, none)));
    }

    [Fact]
    public void Rejects_rows_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AllPairsScores.Compute(SimilarityFunction.Cosine, new EmbeddingMatrix(2, 3), new EmbeddingMatrix(2, 4)));

        Assert.Contains("3", error.Message);
        Assert.Contains("4", error.Message);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "+Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Rejects_non_finite_values_naming_input_row_and_column(float value, string described)
    {
        var right = new EmbeddingMatrix(5, 3);
        right.Row(3)[2] = value;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => AllPairsScores.Compute(SimilarityFunction.Dot, new EmbeddingMatrix(2, 3), right));

        Assert.Equal(("right", 3, 2), (error.Input, error.Row, error.Column));
        Assert.Contains("row 3", error.Message);
        Assert.Contains(described, error.Message);
    }

    private static (int, int) Shape(EmbeddingMatrix matrix) => (matrix.Rows, matrix.Columns);
}
