using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Errors;

/// <summary>A corpus of that name already exists: create refuses to replace it.</summary>
[GenerateSerializer]
public sealed class CorpusExistsException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.Conflict;
}
