using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Errors;

/// <summary>Rows offered to a corpus do not fit it: another embedding width, another model, or values that are not finite.</summary>
[GenerateSerializer]
public sealed class CorpusMismatchException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.InvalidRequest;
}
