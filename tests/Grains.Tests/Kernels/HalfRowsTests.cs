using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Float16 rows (a half-precision shard) go through the same packing and micro-tiles, scored in float32.</summary>
public class HalfRowsTests
{
    private static readonly EmbeddingMatrix Corpus = SentenceLikeEmbeddings.Create(rows: 300, dimensions: 384, seed: 11);
    private static readonly EmbeddingMatrix Queries = SentenceLikeEmbeddings.Create(rows: 45, dimensions: 384, seed: 12);

    [Theory]
    [InlineData(SimilarityFunction.Cosine)]
    [InlineData(SimilarityFunction.Dot)]
    public void Half_corpus_scores_are_within_1e_3_of_float32_on_unit_vectors(SimilarityFunction function)
    {
        var exact = AllPairsScores.Compute(function, Queries, Corpus);
        var half = new float[Queries.Rows * Corpus.Rows];

        AllPairsScores.Compute(function, Queries.Data, ToHalf(Corpus), Corpus.Columns, half);

        var worst = exact.Data.ToArray().Zip(half, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 1e-7, 1e-3);
    }

    [Fact]
    public void Half_rows_score_exactly_as_the_float32_rows_they_widen_to()
    {
        var halves = ToHalf(Corpus);
        var widened = new EmbeddingMatrix(Corpus.Rows, Corpus.Columns, halves.Select(h => (float)h).ToArray());
        foreach (var function in SimilarityFunctionNames.All)
        {
            var fromHalf = new float[Corpus.Rows * Corpus.Rows];
            AllPairsScores.Compute(function, halves, halves, Corpus.Columns, fromHalf);

            Assert.Equal(AllPairsScores.Compute(function, widened, widened).Buffer, fromHalf);
        }
    }

    [Fact]
    public void A_packed_half_shard_scores_band_after_band_like_the_whole_call()
    {
        var halves = ToHalf(Corpus);
        var whole = new float[Queries.Rows * Corpus.Rows];
        AllPairsScores.Compute(SimilarityFunction.Cosine, Queries.Data, halves, Corpus.Columns, whole);
        using var packed = PackedRows.Pack(SimilarityFunction.Cosine, halves, Corpus.Columns, "shard");

        var banded = new float[whole.Length];
        for (var first = 0; first < Queries.Rows; first += 7)
        {
            var rows = Math.Min(7, Queries.Rows - first);
            AllPairsScores.Compute(Queries.Data.Slice(first * Queries.Columns, rows * Queries.Columns), packed, banded.AsSpan(first * Corpus.Rows, rows * Corpus.Rows));
        }

        Assert.Equal(whole, banded);
    }

    [Fact]
    public void Non_finite_half_values_are_rejected_naming_the_input_row_and_column()
    {
        var halves = ToHalf(Corpus);
        halves[5 * Corpus.Columns + 17] = Half.NaN;

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => PackedRows.Pack(SimilarityFunction.Cosine, halves, Corpus.Columns, "shard-3"));

        Assert.Equal(("shard-3", 5, 17), (error.Input, error.Row, error.Column));
    }

    private static Half[] ToHalf(EmbeddingMatrix matrix) => matrix.Data.ToArray().Select(x => (Half)x).ToArray();
}
