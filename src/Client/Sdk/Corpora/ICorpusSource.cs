using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Client.Corpora;

/// <summary>
/// What an add reads, cut into batches (<see cref="BatchCuts"/>: a row count and a byte size each, so a batch fits a
/// stream message) that can be read again in any order: a publisher re-sends the batches a lost silo dropped. Checked
/// before anything is published (rows counted, texts decoded, embeddings finite), so a bad input never leaves part of
/// itself in a corpus.
/// </summary>
public interface ICorpusSource
{
    /// <summary>How messages name the input (a file name, "texts").</summary>
    string Name { get; }

    IngestContent Content { get; }

    /// <summary>Values per row of embeddings; null for texts (the model decides).</summary>
    int? Dimension { get; }

    /// <summary>Its rows and where each batch starts.</summary>
    BatchCuts Cuts { get; }

    /// <summary>Batch <paramref name="batch"/>: the rows <see cref="Cuts"/> gives it.</summary>
    ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken);
}
