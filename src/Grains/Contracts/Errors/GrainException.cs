namespace Similarity.Grains.Contracts.Errors;

/// <summary>
/// A typed failure of a grain call. The same types are thrown whether the call ran in-process or crossed the
/// fabric: remote errors travel as a code, a message and a parameter name, and are rebuilt by <see cref="FromCode"/>.
/// </summary>
public abstract class GrainException(string message, string? parameter = null, Exception? inner = null) : Exception(message, inner)
{
    public abstract GrainErrorCode Code { get; }

    /// <summary>The request parameter at fault (e.g. <c>input</c>, <c>model</c>), when one is.</summary>
    public string? Parameter { get; } = parameter;

    /// <summary>Rebuilds the typed exception for an error that arrived as a code and a message.</summary>
    public static GrainException FromCode(GrainErrorCode code, string message, string? parameter = null) => code switch
    {
        GrainErrorCode.InvalidRequest => new InvalidRequestException(message, parameter),
        GrainErrorCode.RequestTooLarge => new RequestTooLargeException(message, parameter),
        GrainErrorCode.ModelNotServed => new ModelNotServedException(message, parameter),
        GrainErrorCode.Overloaded => new OverloadedException(message),
        GrainErrorCode.DeadlineExceeded => new DeadlineExceededException(message),
        GrainErrorCode.DeadLettered => new DeadLetteredException(message),
        GrainErrorCode.Unavailable => new FabricUnavailableException(message),
        GrainErrorCode.UnsupportedOperation => new UnsupportedOperationException(message, parameter),
        _ => new RemoteGrainException(message),
    };
}
