namespace Similarity.Grains.Contracts.Errors;

/// <summary>Admission control rejected the call because the work queue is full; retry later (HTTP 429).</summary>
public sealed class OverloadedException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Overloaded;
}
