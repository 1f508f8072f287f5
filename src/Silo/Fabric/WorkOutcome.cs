namespace Similarity.Silo.Fabric;

/// <summary>What became of one delivery, which decides ack, requeue or drop.</summary>
internal enum WorkOutcome
{
    /// <summary>The handler wrote a reply: send it, then acknowledge.</summary>
    Replied,

    /// <summary>The deadline passed before or while handling: acknowledge without a reply (the caller has given up).</summary>
    Expired,

    /// <summary>The handler failed or the silo is stopping: return the request to the queue.</summary>
    Retry,

    /// <summary>The caller cancelled (in-process only): drop it.</summary>
    Abandoned,
}
