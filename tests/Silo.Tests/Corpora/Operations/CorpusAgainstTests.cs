using Similarity.Client.Corpora.Operations;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>
/// Every row of one stored corpus against the rows of another (or the same), A's rows read page by page and streamed in
/// blocks: the matrix the in-process all-pairs kernel computes (bit for bit) and the hits in-process search gives.
/// </summary>
public sealed class CorpusAgainstTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    /// <summary>Blocks of a few rows, so the corpora of these tests stream in many blocks.</summary>
    private CorpusOperations SmallBlocks => new(Cluster.Client, scoreBlockValues: 2000, searchBlockValues: 100);

    [Theory]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine)]
    [InlineData(ScoreFunction.Dot, SimilarityFunction.Dot)]
    [InlineData(ScoreFunction.Manhattan, SimilarityFunction.Manhattan)]
    [InlineData(ScoreFunction.Euclidean, SimilarityFunction.Euclidean)]
    public async Task The_matrix_of_two_corpora_equals_the_in_process_matrix(ScoreFunction function, SimilarityFunction kernel)
    {
        await using var client = Cluster.Sdk();
        var (a, b) = ($"xa-score-{function}".ToLowerInvariant(), $"xb-score-{function}".ToLowerInvariant());
        var left = UnitRows.Random(230, 12, seed: 71);
        var right = OperationData.WithTies(180, 12, seed: 72);
        await OperationData.StoreAsync(client, a, left, shards: 3);
        await OperationData.StoreAsync(client, b, right, shards: 2);

        var (scores, blocks) = await ScoresAsync(SmallBlocks, a, b, function);

        Assert.Equal(AllPairsScores.Compute(kernel, OperationData.ToEmbeddings(left), OperationData.ToEmbeddings(right)).Buffer, scores);
        Assert.Equal(Enumerable.Repeat(180, blocks.Count), blocks.Select(block => block.Columns));
        Assert.True(blocks.Count > 10, $"{blocks.Count} blocks");
    }

    [Theory]
    [InlineData(ScoreFunction.Cosine, SimilarityFunction.Cosine)]
    [InlineData(ScoreFunction.Dot, SimilarityFunction.Dot)]
    [InlineData(ScoreFunction.Manhattan, SimilarityFunction.Manhattan)]
    [InlineData(ScoreFunction.Euclidean, SimilarityFunction.Euclidean)]
    public async Task The_hits_of_two_corpora_equal_in_process_search(ScoreFunction function, SimilarityFunction kernel)
    {
        await using var client = Cluster.Sdk();
        var (a, b) = ($"xa-search-{function}".ToLowerInvariant(), $"xb-search-{function}".ToLowerInvariant());
        var right = OperationData.WithTies(400, 10, seed: 73);

        // A repeats some of B's rows (exact ties among B's duplicates) and adds fresh ones.
        var left = new FloatMatrix(90, 10, [.. right.Values.AsSpan(60 * 10, 40 * 10), .. UnitRows.Random(50, 10, seed: 74).Values]);
        await OperationData.StoreAsync(client, a, left, shards: 2);
        await OperationData.StoreAsync(client, b, right, shards: 3);

        var hits = await SmallBlocks.SearchAgainstAsync(a, b, topK: 6, function);

        CorpusSearchTests.AssertSame(SemanticSearch.TopK(OperationData.ToEmbeddings(left), OperationData.ToEmbeddings(right), 6, kernel), hits);
        Assert.Contains(hits, h => h[0].Score == h[1].Score);
    }

    [Fact]
    public async Task Blocks_of_hits_come_in_row_order_with_their_first_row()
    {
        await using var client = Cluster.Sdk();
        var left = UnitRows.Random(75, 10, seed: 75);
        await OperationData.StoreAsync(client, "xa-firsts", left, shards: 3);
        await OperationData.StoreAsync(client, "xb-firsts", UnitRows.Random(50, 10, seed: 76), shards: 2);
        var firsts = new List<(long First, int Rows)>();

        await SmallBlocks.SearchAgainstAsync("xa-firsts", "xb-firsts", (first, block, _) =>
        {
            firsts.Add((first, block.Length));
            return ValueTask.CompletedTask;
        });

        Assert.Equal([.. Enumerable.Range(0, 8).Select(i => (i * 10L, i < 7 ? 10 : 5))], firsts);
    }

    [Fact]
    public async Task A_float16_corpus_scores_and_searches_its_widened_rows_within_1e_3_of_float32()
    {
        await using var client = Cluster.Sdk();
        var left = UnitRows.Random(60, 16, seed: 77);
        var right = UnitRows.Random(250, 16, seed: 78);
        await OperationData.StoreAsync(client, "xa-half", left, shards: 2, StoragePrecision.Float16);
        await OperationData.StoreAsync(client, "xb-half", right, shards: 3, StoragePrecision.Float16);

        var (scores, _) = await ScoresAsync(SmallBlocks, "xa-half", "xb-half", ScoreFunction.Cosine);
        var hits = await SmallBlocks.SearchAgainstAsync("xa-half", "xb-half", topK: 4);

        var (halfLeft, halfRight) = (OperationData.AsFloat16(left), OperationData.AsFloat16(right));
        Assert.Equal(AllPairsScores.Compute(SimilarityFunction.Cosine, halfLeft, halfRight).Buffer, scores);
        CorpusSearchTests.AssertSame(SemanticSearch.TopK(halfLeft, halfRight, 4), hits);
        var single = AllPairsScores.Compute(SimilarityFunction.Cosine, OperationData.ToEmbeddings(left), OperationData.ToEmbeddings(right)).Buffer;
        Assert.All(scores.Zip(single), s => Assert.InRange(s.First - s.Second, -1e-3, 1e-3));
    }

    [Fact]
    public async Task A_corpus_against_itself_is_its_own_all_pairs_matrix_and_search()
    {
        await using var client = Cluster.Sdk();
        var rows = OperationData.WithTies(160, 8, seed: 79);
        await OperationData.StoreAsync(client, "x-self", rows, shards: 3);

        var (scores, _) = await ScoresAsync(SmallBlocks, "x-self", "x-self", ScoreFunction.Euclidean);
        var hits = await SmallBlocks.SearchAgainstAsync("x-self", "x-self", topK: 3);

        var embeddings = OperationData.ToEmbeddings(rows);
        Assert.Equal(AllPairsScores.Compute(SimilarityFunction.Euclidean, embeddings, embeddings).Buffer, scores);
        CorpusSearchTests.AssertSame(SemanticSearch.TopK(embeddings, embeddings, 3), hits);
    }

    [Fact]
    public async Task An_empty_corpus_gives_no_rows_or_no_columns()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "x-some", UnitRows.Random(30, 8, seed: 80), shards: 2);
        await client.Corpora.CreateAsync("x-none", "external", shards: 2);

        var (noRows, rowBlocks) = await ScoresAsync(client.CorpusOperations, "x-none", "x-some", ScoreFunction.Cosine);
        var (noColumns, columnBlocks) = await ScoresAsync(client.CorpusOperations, "x-some", "x-none", ScoreFunction.Cosine);
        var hits = await client.CorpusOperations.SearchAgainstAsync("x-some", "x-none", topK: 5);

        Assert.Empty(noRows);
        Assert.Empty(rowBlocks);
        Assert.Empty(noColumns);
        Assert.Equal(30, columnBlocks.Sum(b => b.Rows));
        Assert.All(columnBlocks, b => Assert.Equal(0, b.Columns));
        Assert.Equal(30, hits.Length);
        Assert.All(hits, Assert.Empty);
    }

    [Fact]
    public async Task Corpora_of_different_widths_are_refused_naming_both()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "x-narrow", UnitRows.Random(20, 8, seed: 81), shards: 2);
        await OperationData.StoreAsync(client, "x-wide", UnitRows.Random(20, 9, seed: 82), shards: 2);

        var score = await Assert.ThrowsAsync<CorpusMismatchException>(() => ScoresAsync(client.CorpusOperations, "x-narrow", "x-wide", ScoreFunction.Dot));
        var search = await Assert.ThrowsAsync<CorpusMismatchException>(() => client.CorpusOperations.SearchAgainstAsync("x-wide", "x-narrow"));

        Assert.Contains("corpus 'x-narrow' holds rows of 8 values but corpus 'x-wide' holds rows of 9", score.Message, StringComparison.Ordinal);
        Assert.Contains("corpus 'x-wide' holds rows of 9 values but corpus 'x-narrow' holds rows of 8", search.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpora_of_different_models_are_refused_unless_allowed()
    {
        await using var client = Cluster.Sdk();
        var left = UnitRows.Random(20, 8, seed: 83);
        var right = UnitRows.Random(25, 8, seed: 84);
        await OperationData.StoreAsync(client, "x-model-a", left, shards: 2);
        await client.Corpora.CreateAsync("x-model-b", "other-model", shards: 2);
        await client.Corpora.AddEmbeddingsAsync("x-model-b", right);

        var refused = await Assert.ThrowsAsync<CorpusMismatchException>(() => client.CorpusOperations.SearchAgainstAsync("x-model-a", "x-model-b"));
        var (scores, _) = await ScoresAsync(client.CorpusOperations, "x-model-a", "x-model-b", ScoreFunction.Cosine, allowModelMismatch: true);

        Assert.Contains("corpus 'x-model-a' holds embeddings of model 'external' but corpus 'x-model-b' of model 'other-model'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AllPairsScores.Compute(SimilarityFunction.Cosine, OperationData.ToEmbeddings(left), OperationData.ToEmbeddings(right)).Buffer, scores);
    }

    [Fact]
    public async Task A_missing_corpus_on_either_side_is_named()
    {
        await using var client = Cluster.Sdk();
        await OperationData.StoreAsync(client, "x-present", UnitRows.Random(10, 8, seed: 85), shards: 2);

        var rows = await Assert.ThrowsAsync<CorpusNotFoundException>(() => ScoresAsync(client.CorpusOperations, "x-absent", "x-present", ScoreFunction.Cosine));
        var against = await Assert.ThrowsAsync<CorpusNotFoundException>(() => client.CorpusOperations.SearchAgainstAsync("x-present", "x-gone"));

        Assert.Contains("x-absent", rows.Message, StringComparison.Ordinal);
        Assert.Contains("x-gone", against.Message, StringComparison.Ordinal);
    }

    private static async Task<(float[] Scores, List<FloatMatrix> Blocks)> ScoresAsync(
        CorpusOperations operations, string name, string against, ScoreFunction function, bool allowModelMismatch = false)
    {
        var blocks = new List<FloatMatrix>();
        var columns = await operations.ScoreAgainstAsync(
            name,
            against,
            function,
            (block, _) =>
            {
                blocks.Add(block);
                return ValueTask.CompletedTask;
            },
            allowModelMismatch);
        Assert.All(blocks, b => Assert.Equal(columns, b.Columns));
        return ([.. blocks.SelectMany(b => b.Values)], blocks);
    }
}
