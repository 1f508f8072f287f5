namespace Similarity.Grains.Contracts.Errors;

/// <summary>Admission control rejected the call because the model's batcher is full; retry later (HTTP 429).</summary>
[GenerateSerializer]
public sealed class OverloadedException(string message, Exception? inner = null) : GrainException(message, null, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Overloaded;
}
