namespace Similarity.Grains.Contracts.Corpora.Ingest;

/// <summary>Where an add stands.</summary>
[GenerateSerializer]
public enum IngestStatus
{
    /// <summary>Batches are being published, encoded and stored.</summary>
    Running = 0,

    /// <summary>Every row is stored once; the corpus counts them.</summary>
    Completed = 1,

    /// <summary>A batch could not be stored for a reason retrying does not cure (see the failure); the add must be aborted.</summary>
    Failed = 2,

    /// <summary>The add was abandoned and its rows removed; the corpus is as it was before it.</summary>
    Aborted = 3,
}
