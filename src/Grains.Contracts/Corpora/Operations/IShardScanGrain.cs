using Orleans.Concurrency;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// The scoring side of a shard (<see cref="IShardGrain"/>, same key <c>CORPUS/INDEX</c>, same activation): kernels run
/// next to the cached rows, off the Orleans scheduler; float16 rows are widened to float32 to be scored.
/// </summary>
public interface IShardScanGrain : IGrainWithStringKey
{
    /// <summary>
    /// Each query's exact top <paramref name="topK"/> rows of this shard with ids below <paramref name="endRow"/> (list i =
    /// query i; a query with no hits has no list), ids as corpus row ids.
    /// </summary>
    [ReadOnly]
    Task<NeighbourLists> SearchAsync(FloatMatrix queries, int topK, ScoreFunction function, long endRow);

    /// <summary>
    /// Every query against each row of this shard with id below <paramref name="endRow"/>, in float32 as the all-pairs
    /// kernel scores them in process (bit for bit: a pair's score does not depend on the tile it is in).
    /// </summary>
    [ReadOnly]
    Task<ShardScores> ScoreAsync(FloatMatrix queries, ScoreFunction function, long endRow);

    /// <summary>Runs <paramref name="job"/>: this shard's rows × shard <see cref="TileJob.Other"/>'s rows (read from it).</summary>
    [ReadOnly]
    Task<TileNeighbours> ScanTileAsync(TileJob job);
}
