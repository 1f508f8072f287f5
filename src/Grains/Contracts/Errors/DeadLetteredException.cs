namespace Similarity.Grains.Contracts.Errors;

/// <summary>The request was delivered too many times (the silos handling it failed or died) and was dead-lettered.</summary>
public sealed class DeadLetteredException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.DeadLettered;
}
