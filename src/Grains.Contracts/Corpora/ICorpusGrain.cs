using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Grains.Contracts.Corpora;

/// <summary>
/// A named corpus, keyed by its name: the model its rows come from, their width and storage precision, the rows every
/// completed add stored, and its shards (<see cref="IShardGrain"/>, keyed <c>NAME/INDEX</c>) that hold them. Its own
/// state is Orleans grain state; the rows live in the shards' storage. Adds run one at a time: a client begins one,
/// publishes its batches on the ingest streams, follows its progress, and the corpus counts the rows once all are stored.
/// </summary>
public interface ICorpusGrain : IGrainWithStringKey
{
    /// <summary>Creates the corpus; <see cref="Errors.CorpusExistsException"/> when the name is taken.</summary>
    Task<CorpusInfo> CreateAsync(CorpusSpec spec);

    /// <summary>The corpus now, with its shards and the progress of a running add; <see cref="Errors.CorpusNotFoundException"/> if there is none.</summary>
    Task<CorpusInfo> GetInfoAsync();

    /// <summary>Removes the corpus, its operations (running ones are cancelled), its shards and their stored rows (a running add is aborted first).</summary>
    Task DeleteAsync();

    /// <summary>
    /// Lists operation <paramref name="operation"/> as one of this corpus's (idempotent) and returns the corpus now, so the
    /// operation covers the rows it holds; called by the operation as it starts.
    /// </summary>
    Task<CorpusInfo> BeginOperationAsync(string operation);

    /// <summary>Drops operation <paramref name="operation"/> from the list (idempotent; no-op for a corpus that no longer exists).</summary>
    Task ForgetOperationAsync(string operation);

    /// <summary>The ids of the operations over this corpus whose records have not been deleted, oldest first.</summary>
    Task<string[]> GetOperationsAsync();

    /// <summary>
    /// Accepts an add of <paramref name="plan"/>'s rows, numbered after the rows already stored: refused with
    /// <see cref="Errors.CorpusMismatchException"/> when their width or model differs from the corpus's, and with
    /// <see cref="Errors.CorpusBusyException"/> while another add runs.
    /// </summary>
    Task<IngestTicket> BeginIngestAsync(IngestPlan plan);

    /// <summary>Rows of the add stored so far; completes the add (the corpus then counts its rows) once all are stored.</summary>
    Task<IngestProgress> GetIngestProgressAsync(Guid ingest);

    /// <summary>Sequence numbers of the add's batches stored so far, for a publisher re-sending batches a lost silo dropped.</summary>
    Task<long[]> GetStoredSequencesAsync(Guid ingest);

    /// <summary>A consumer could not store a batch for good (e.g. the model is not served): the add is marked failed with <paramref name="reason"/>.</summary>
    Task ReportIngestFailureAsync(Guid ingest, long sequence, string reason);

    /// <summary>Abandons the add: its stored rows are removed and its late batches ignored; the corpus is as it was before it.</summary>
    Task AbortIngestAsync(Guid ingest);

    /// <summary>The texts of rows <paramref name="rows"/> (null for rows added as embeddings), read from storage: texts are never cached.</summary>
    Task<string?[]> GetTextsAsync(long[] rows);
}
