namespace Similarity.Grains.Contracts.Errors;

/// <summary>The fabric is unreachable (broker down, connection lost); the call may be retried once it recovers.</summary>
public sealed class FabricUnavailableException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Unavailable;
}
