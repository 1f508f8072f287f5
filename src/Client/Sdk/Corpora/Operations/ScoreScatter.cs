using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora.Operations;

/// <summary>
/// Scores a block of rows against every row of a corpus (its rows below the count <paramref name="corpus"/> gives):
/// each shard scores its rows where they are cached, and the shards' columns are put back in row id order. Blocks hold at
/// most <paramref name="blockValues"/> scores (or row values): that bounds the memory of a streamed matrix.
/// </summary>
internal sealed class ScoreScatter(IGrainFactory grains, CorpusInfo corpus, int blockValues)
{
    /// <summary>The score matrix's columns: the corpus's rows.</summary>
    public int Columns { get; } = checked((int)corpus.Rows);

    /// <summary>Rows of <paramref name="width"/> values per block, so a block and its scores stay within the bound.</summary>
    public int BlockRows(int width) => Math.Max(1, blockValues / Math.Max(1, Math.Max(Columns, width)));

    /// <summary>The <c>[block rows, corpus rows]</c> float32 scores, as the in-process all-pairs kernel computes them.</summary>
    public async Task<FloatMatrix> ScoreAsync(FloatMatrix block, ScoreFunction function, CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(corpus.Shards.Select(shard =>
        {
            var grain = grains.GetGrain<IShardScanGrain>(new ShardKey(corpus.Name, shard.Index).ToString());
            return RetryPolicy.Default.RunAsync(_ => grain.ScoreAsync(block, function, corpus.Rows), cancellationToken);
        }));
        var values = new float[block.Rows * Columns];
        foreach (var shard in shards)
        {
            for (var q = 0; q < block.Rows; q++)
            {
                var scores = shard.Scores.Row(q);
                for (var j = 0; j < shard.Ids.Length; j++)
                {
                    values[q * Columns + shard.Ids[j]] = scores[j];
                }
            }
        }

        return new FloatMatrix(block.Rows, Columns, values);
    }
}
