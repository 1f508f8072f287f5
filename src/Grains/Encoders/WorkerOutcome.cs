namespace Similarity.Grains.Encoders;

/// <summary>How one worker request ended, as metrics label it.</summary>
internal enum WorkerOutcome
{
    /// <summary>Answered with one row per item.</summary>
    Ok,

    /// <summary>Refused for a reason the caller can act on (a <c>GrainException</c>: too large, overloaded, wrong kind).</summary>
    Rejected,

    /// <summary>The caller cancelled before the answer was ready.</summary>
    Cancelled,

    /// <summary>The model or the silo failed.</summary>
    Failed,
}
