namespace Similarity.Grains.Contracts.Errors;

/// <summary>The call's deadline passed before a reply arrived.</summary>
public sealed class DeadlineExceededException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.DeadlineExceeded;
}
