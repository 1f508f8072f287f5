namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// A long operation over a corpus (mining, communities), keyed by an id the caller picks; its spec, status and result
/// are Orleans grain state. It splits the work into tiles (shard i × shard j, i ≤ j) run on the shards' silos, tracks
/// which are done, merges their lists, and stores the result. If its silo dies, the next call activates it elsewhere
/// and the run starts again: tiles are pure functions of the shards, so the result is the same.
/// </summary>
public interface ICorpusOperationGrain : IGrainWithStringKey
{
    /// <summary>Starts <paramref name="spec"/> (again: no-op), over the rows the corpus holds now; another spec under this id is refused.</summary>
    Task<OperationProgress> StartAsync(OperationSpec spec);

    /// <summary>Status and tiles done; resumes a run its lost silo dropped.</summary>
    Task<OperationProgress> GetProgressAsync();

    /// <summary>The mined pairs, best first; <see cref="OperationFailedException"/> unless a mining operation completed.</summary>
    Task<CorpusPair[]> GetPairsAsync();

    /// <summary>The communities, largest first; <see cref="OperationFailedException"/> unless a clustering operation completed.</summary>
    Task<CorpusCommunity[]> GetCommunitiesAsync();
}
