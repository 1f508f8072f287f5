namespace Similarity.Grains.Contracts.Errors;

/// <summary>No live silo serves the requested model on the requested device class.</summary>
[GenerateSerializer]
public sealed class ModelNotServedException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.ModelNotServed;
}
