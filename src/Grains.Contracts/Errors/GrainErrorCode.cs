namespace Similarity.Grains.Contracts.Errors;

/// <summary>Why a request was refused: the kinds of <see cref="GrainException"/>, for HTTP status codes and metric labels.</summary>
public enum GrainErrorCode
{
    /// <summary>The request is malformed: an empty pair, a bad parameter, a text that is not valid.</summary>
    InvalidRequest,

    /// <summary>The request exceeds a size limit (number of texts, or a batcher's whole capacity).</summary>
    RequestTooLarge,

    /// <summary>No live silo serves the requested model on the requested device class.</summary>
    ModelNotServed,

    /// <summary>The model's batcher is full: admission control refused the request; retry later.</summary>
    Overloaded,

    /// <summary>The model exists but cannot do what was asked (e.g. encoding with a cross-encoder).</summary>
    UnsupportedOperation,

    /// <summary>The named thing (a corpus) does not exist.</summary>
    NotFound,

    /// <summary>The request conflicts with the current state: the corpus already exists, or another add to it is running.</summary>
    Conflict,

    /// <summary>The silos could not read or write the cluster's storage; nothing was changed, and retrying later may succeed.</summary>
    StorageFailure,
}
