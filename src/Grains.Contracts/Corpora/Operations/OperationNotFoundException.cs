using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>The operation an id names does not exist: never started, deleted, or its blocking caller already read and removed it.</summary>
[GenerateSerializer]
public sealed class OperationNotFoundException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.NotFound;
}
