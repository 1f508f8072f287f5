namespace Similarity.Grains.Contracts.Errors;

/// <summary>The request exceeds a size limit (bytes or number of texts); split it or shorten the texts.</summary>
public sealed class RequestTooLargeException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.RequestTooLarge;
}
