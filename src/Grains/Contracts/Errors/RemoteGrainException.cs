namespace Similarity.Grains.Contracts.Errors;

/// <summary>The remote side failed in a way it could not describe; its logs say more.</summary>
public sealed class RemoteGrainException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Internal;
}
