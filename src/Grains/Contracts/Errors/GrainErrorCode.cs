namespace Similarity.Grains.Contracts.Errors;

/// <summary>Why a grain call failed. Carried on the wire as one byte, so values never change meaning.</summary>
public enum GrainErrorCode : byte
{
    /// <summary>The remote side failed in a way it could not describe (a bug, or an unknown newer code).</summary>
    Internal = 0,

    /// <summary>The request is malformed: invalid UTF-8, a truncated payload, an empty pair, a bad parameter.</summary>
    InvalidRequest = 1,

    /// <summary>The request exceeds a size limit (bytes or number of texts).</summary>
    RequestTooLarge = 2,

    /// <summary>No live silo serves the requested model on the requested device class.</summary>
    ModelNotServed = 3,

    /// <summary>The work queue is full: admission control rejected the request; retry later.</summary>
    Overloaded = 4,

    /// <summary>The call's deadline passed before a reply arrived.</summary>
    DeadlineExceeded = 5,

    /// <summary>The request was delivered too many times (silos failed or died handling it) and was dead-lettered.</summary>
    DeadLettered = 6,

    /// <summary>The fabric itself is unreachable (broker down, connection lost).</summary>
    Unavailable = 7,

    /// <summary>The model exists but cannot do what was asked (e.g. encoding with a cross-encoder).</summary>
    UnsupportedOperation = 8,
}
