namespace Similarity.Grains.Contracts.Errors;

/// <summary>The request exceeds a size limit (number of texts, or the whole capacity of the model's batcher); split it or shorten the texts.</summary>
[GenerateSerializer]
public sealed class RequestTooLargeException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.RequestTooLarge;
}
