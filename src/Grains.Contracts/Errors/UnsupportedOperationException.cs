namespace Similarity.Grains.Contracts.Errors;

/// <summary>The model exists but cannot do what was asked, e.g. encoding texts with a cross-encoder.</summary>
[GenerateSerializer]
public sealed class UnsupportedOperationException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.UnsupportedOperation;
}
