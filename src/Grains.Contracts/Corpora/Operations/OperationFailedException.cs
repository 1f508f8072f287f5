using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>A long operation failed for good (e.g. its corpus was deleted under it), or its result was asked for before it finished.</summary>
[GenerateSerializer]
public sealed class OperationFailedException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.InvalidRequest;
}
