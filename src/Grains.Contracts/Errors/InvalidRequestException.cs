namespace Similarity.Grains.Contracts.Errors;

/// <summary>The request is malformed (an empty pair, a bad parameter); the caller must fix it.</summary>
[GenerateSerializer]
public sealed class InvalidRequestException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.InvalidRequest;
}
