using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Errors;

/// <summary>The corpus a request names does not exist (never created, or deleted).</summary>
[GenerateSerializer]
public sealed class CorpusNotFoundException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.NotFound;
}
