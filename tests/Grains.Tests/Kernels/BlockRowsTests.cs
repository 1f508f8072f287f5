using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Rows kept in blocks (a shard's cache) are scanned where they lie, exactly as the one matrix they make.</summary>
public class BlockRowsTests
{
    private static readonly EmbeddingMatrix Corpus = SentenceLikeEmbeddings.Create(rows: 300, dimensions: 384, seed: 21);
    private static readonly EmbeddingMatrix Queries = SentenceLikeEmbeddings.Create(rows: 45, dimensions: 384, seed: 22);

    /// <summary>Block boundaries off every panel width (6, 8, 16, 32), a one-row block and a long one.</summary>
    private static readonly int[] Cuts = [0, 1, 37, 38, 100, 131, 262, 300];

    private static readonly KernelOptions SmallTiles = new() { QueryBlockRows = 6, CorpusBlockRows = 40, QueryPanelRows = 24, MaxDegreeOfParallelism = 2 };

    public static TheoryData<SimilarityFunction> Functions => [.. SimilarityFunctionNames.All];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Top_k_over_blocks_equals_top_k_over_the_joined_rows(SimilarityFunction function)
    {
        using var queries = new PreparedRows(Queries, function, "queries", SmallTiles);
        using var joined = new PreparedRows(Corpus, function, "corpus", SmallTiles);
        using var blocks = new PreparedRows(Split(Corpus), function, "corpus", SmallTiles);

        var expected = NeighbourScan.TopK(queries, joined, 7, excludeSelf: false, SmallTiles, CancellationToken.None);

        Assert.Equal(expected, NeighbourScan.TopK(queries, blocks, 7, excludeSelf: false, SmallTiles, CancellationToken.None));
        Assert.Equal(
            NeighbourScan.TopK(joined, queries, 5, excludeSelf: false, SmallTiles, CancellationToken.None),
            NeighbourScan.TopK(blocks, queries, 5, excludeSelf: false, SmallTiles, CancellationToken.None));
    }

    [Fact]
    public void Threshold_lists_over_blocks_equal_those_over_the_joined_rows()
    {
        using var joined = new PreparedRows(Corpus, SimilarityFunction.Cosine, "rows", SmallTiles);
        using var blocks = new PreparedRows(Split(Corpus), SimilarityFunction.Cosine, "rows", SmallTiles);

        var expected = ThresholdNeighbours.ScanTriangle(joined, 0.5, 1, SmallTiles, CancellationToken.None);
        var actual = ThresholdNeighbours.ScanTriangle(blocks, 0.5, 1, SmallTiles, CancellationToken.None);

        Assert.Contains(expected, l => l is { Length: > 1 });
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void All_pairs_scores_against_blocks_are_the_bits_of_those_against_the_joined_rows(SimilarityFunction function)
    {
        var expected = AllPairsScores.Compute(function, Queries, Corpus, SmallTiles);

        Assert.Equal(expected.Buffer, AllPairsScores.Compute(function, Queries, Split(Corpus), SmallTiles).Buffer);
    }

    [Fact]
    public void Float16_blocks_scan_exactly_as_the_float32_rows_they_widen_to()
    {
        var halves = Corpus.Buffer.Select(v => (Half)v).ToArray();
        var widened = new EmbeddingMatrix(Corpus.Rows, Corpus.Columns, [.. halves.Select(h => (float)h)]);
        var blocks = BlockRows.Of(Corpus.Columns, Cuts.Zip(Cuts.Skip(1), (from, to) => new ReadOnlyMemory<Half>(halves, from * Corpus.Columns, (to - from) * Corpus.Columns)));
        using var queries = new PreparedRows(Queries, SimilarityFunction.Cosine, "queries", SmallTiles);
        using var joined = new PreparedRows(widened, SimilarityFunction.Cosine, "corpus", SmallTiles);
        using var half = new PreparedRows(blocks, SimilarityFunction.Cosine, "corpus", SmallTiles);

        Assert.True(blocks.IsHalf);
        Assert.Equal(
            NeighbourScan.TopK(queries, joined, 7, excludeSelf: false, SmallTiles, CancellationToken.None),
            NeighbourScan.TopK(queries, half, 7, excludeSelf: false, SmallTiles, CancellationToken.None));
        Assert.Equal(
            ThresholdNeighbours.ScanTriangle(joined, 0.5, 1, SmallTiles, CancellationToken.None),
            ThresholdNeighbours.ScanTriangle(half, 0.5, 1, SmallTiles, CancellationToken.None));
        Assert.Equal(AllPairsScores.Compute(SimilarityFunction.Dot, Queries, widened).Buffer, AllPairsScores.Compute(SimilarityFunction.Dot, Queries, blocks).Buffer);
    }

    [Fact]
    public void A_non_finite_value_in_a_later_block_is_named_by_its_row_in_the_whole()
    {
        var values = Corpus.Buffer.ToArray();
        values[(131 + 4) * Corpus.Columns + 9] = float.NaN;
        var blocks = Split(new EmbeddingMatrix(Corpus.Rows, Corpus.Columns, values));

        var error = Assert.Throws<NonFiniteEmbeddingException>(() => new PreparedRows(blocks, SimilarityFunction.Cosine, "shard", SmallTiles));

        Assert.Equal(("shard", 135, 9), (error.Input, error.Row, error.Column));
    }

    [Fact]
    public void Blocks_that_are_not_whole_rows_are_refused_naming_the_block()
    {
        var error = Assert.Throws<ArgumentException>(() => BlockRows.Of(4, [new ReadOnlyMemory<float>(new float[8]), new ReadOnlyMemory<float>(new float[6])]));

        Assert.Contains("block 1", error.Message);
    }

    /// <summary><paramref name="matrix"/>'s rows as blocks cut at <see cref="Cuts"/>, sharing its values.</summary>
    private static BlockRows Split(EmbeddingMatrix matrix) =>
        BlockRows.Of(matrix.Columns, Cuts.Zip(Cuts.Skip(1), (from, to) => new ReadOnlyMemory<float>(matrix.Buffer, from * matrix.Columns, (to - from) * matrix.Columns)));
}
