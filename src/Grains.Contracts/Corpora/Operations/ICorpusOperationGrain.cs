namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// A long operation over a corpus (mining, communities), keyed by an id the caller picks; its spec, status and result
/// are Orleans grain state, and its corpus lists its id (<see cref="ICorpusGrain.GetOperationsAsync"/>). It splits the
/// work into tiles (shard i × shard j, i ≤ j) run on the shards' silos, tracks which are done, merges their lists, and
/// stores the result. While it runs it holds an Orleans reminder: if its silo dies, the reminder (or the next call)
/// activates it elsewhere and the run starts again; tiles are pure functions of the shards, so the result is the same.
/// Its record stays until it is deleted (blocking callers delete theirs once they have read the result).
/// </summary>
public interface ICorpusOperationGrain : IGrainWithStringKey
{
    /// <summary>Starts <paramref name="spec"/> (again: no-op), over the rows the corpus holds now; another spec under this id is refused.</summary>
    Task<OperationProgress> StartAsync(OperationSpec spec);

    /// <summary>Status and tiles done; resumes a run its lost silo dropped. <see cref="OperationNotFoundException"/> for an id with no record.</summary>
    Task<OperationProgress> GetProgressAsync();

    /// <summary>The mined pairs, best first; <see cref="OperationFailedException"/> unless a mining operation completed.</summary>
    Task<CorpusPair[]> GetPairsAsync();

    /// <summary>The communities, largest first; <see cref="OperationFailedException"/> unless a clustering operation completed.</summary>
    Task<CorpusCommunity[]> GetCommunitiesAsync();

    /// <summary>
    /// Removes the operation's record and result; a running one is cancelled first (its tiles' lists are ignored). Returns
    /// the corpus it was over, whose list the caller then updates (<see cref="ICorpusGrain.ForgetOperationAsync"/>), or
    /// null when there was no record. It never calls its corpus, so the corpus may call it while deleting itself.
    /// </summary>
    Task<string?> DeleteAsync();
}
