using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Contracts.Corpora.Errors;

/// <summary>The corpus's storage (PostgreSQL in a cluster) failed; what was stored before is intact and the request may be retried.</summary>
[GenerateSerializer]
public sealed class CorpusStorageException(string message, string? parameter = null, Exception? inner = null) : GrainException(message, parameter, inner)
{
    public override GrainErrorCode Code => GrainErrorCode.StorageFailure;
}
