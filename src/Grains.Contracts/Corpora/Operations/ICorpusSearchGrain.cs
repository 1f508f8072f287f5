using Orleans.Concurrency;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// Top-k search over a corpus, keyed by its name: the queries are scattered to every shard (<see cref="IShardScanGrain"/>)
/// and the shards' top-k merged, giving the hits in-process search gives on the same embeddings.
/// </summary>
public interface ICorpusSearchGrain : IGrainWithStringKey
{
    /// <summary>Each query's top <paramref name="topK"/> rows, best first (ties to the lower row id).</summary>
    [ReadOnly]
    Task<CorpusHit[][]> SearchAsync(FloatMatrix queries, int topK, ScoreFunction function);

    /// <summary>
    /// As <see cref="SearchAsync"/> over the rows with ids below <paramref name="endRow"/> only: a search run in blocks
    /// sees one snapshot of a corpus that an add is growing.
    /// </summary>
    [ReadOnly]
    Task<CorpusHit[][]> SearchRowsBelowAsync(FloatMatrix queries, int topK, ScoreFunction function, long endRow);
}
