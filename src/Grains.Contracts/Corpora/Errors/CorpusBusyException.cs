using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Errors;

/// <summary>Another add to the corpus is still running: adds to one corpus run one at a time, so row ids follow the order rows were added.</summary>
[GenerateSerializer]
public sealed class CorpusBusyException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Conflict;
}
