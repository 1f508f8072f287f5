using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Corpora.Rows;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Corpora.Operations;
using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Corpora.Shards;

/// <summary>
/// The shard's scoring side (<see cref="IShardScanGrain"/>): kernels over a snapshot of the cached rows, run on the
/// silo's <see cref="KernelThreads"/> (never on the Orleans scheduler or the thread pool it runs on) and awaited; a tile reads the other shard's rows in pages first.
/// </summary>
internal sealed partial class ShardGrain : IShardScanGrain
{
    /// <summary>Bytes of rows a tile reads from another shard per call.</summary>
    private const int PageBytes = 16 << 20;

    public async Task<NeighbourLists> SearchAsync(FloatMatrix queries, int topK, ScoreFunction function, long endRow)
    {
        ArgumentNullException.ThrowIfNull(queries);
        CheckTopK(topK);
        var rows = Rows;
        if (rows.Dimension is not { } dimension || queries.Rows == 0)
        {
            return NeighbourLists.Empty;
        }

        CheckWidth(queries, dimension);
        return await kernels.RunAsync(options =>
        {
            var shard = ScanRows.Of(rows, dimension, endRow);
            var matrix = new EmbeddingMatrix(queries.Rows, queries.Columns, queries.Values);
            return ShardScans.Search(matrix, shard, topK, function, options, CancellationToken.None);
        });
    }

    public async Task<ShardScores> ScoreAsync(FloatMatrix queries, ScoreFunction function, long endRow)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = Rows;
        if (rows.Dimension is not { } dimension)
        {
            return new ShardScores([], new FloatMatrix(queries.Rows, 0, []));
        }

        CheckWidth(queries, dimension);
        return await kernels.RunAsync(options =>
        {
            var shard = ScanRows.Of(rows, dimension, endRow);
            var matrix = new EmbeddingMatrix(queries.Rows, queries.Columns, queries.Values);
            var scores = AllPairsScores.Compute(function.ToKernel(), matrix, shard.Rows, options);
            return new ShardScores(shard.Ids(), new FloatMatrix(scores.Rows, scores.Columns, scores.Buffer));
        });
    }

    public async Task<TileNeighbours> ScanTileAsync(TileJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Kind == TileKind.TopK)
        {
            CheckTopK(job.TopK);
        }

        var rows = Rows;
        var diagonal = job.Other == _key.Index;
        var pages = diagonal ? [] : await ReadShardAsync(new ShardKey(_key.Corpus, job.Other), job.EndRow);
        if (rows.Dimension is not { } dimension || (!diagonal && pages.Sum(p => p.Count) == 0))
        {
            return new TileNeighbours(NeighbourLists.Empty, NeighbourLists.Empty);
        }

        return await kernels.RunAsync(options =>
        {
            var own = ScanRows.Of(rows, dimension, job.EndRow);
            var other = diagonal ? own : ScanRows.Of(pages, dimension, job.EndRow);
            return own.Count == 0 || other.Count == 0
                ? new TileNeighbours(NeighbourLists.Empty, NeighbourLists.Empty)
                : ShardScans.Tile(own, other, diagonal, job, options, CancellationToken.None);
        });
    }

    private async Task<List<CorpusRows>> ReadShardAsync(ShardKey key, long endRow)
    {
        var shard = GrainFactory.GetGrain<IShardGrain>(key.ToString());
        var pages = new List<CorpusRows>();
        var pageRows = Math.Max(1, PageBytes / Math.Max(1, (Rows.Dimension ?? 1) * sizeof(float)));
        long from = 0;
        while (true)
        {
            var page = await RetryPolicy.Default.RunAsync(_ => shard.ReadRowsAsync(from, pageRows), CancellationToken.None);
            if (page.Count == 0 || page.Ids[0] >= endRow)
            {
                return pages;
            }

            pages.Add(page);
            from = page.Ids[^1] + 1;
        }
    }

    private void CheckWidth(FloatMatrix queries, int dimension)
    {
        if (queries.Columns != dimension)
        {
            throw new InvalidRequestException(
                $"queries have {queries.Columns} values per row but corpus '{_key.Corpus}' holds rows of {dimension}", "queries");
        }
    }

    private void CheckTopK(int topK)
    {
        if (topK < 1)
        {
            throw new InvalidRequestException($"top-k must be at least 1, got {topK} (corpus '{_key.Corpus}')", "top-k");
        }
    }
}
