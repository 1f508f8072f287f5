namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>Where a long operation is: tiles still running, its result stored, or failed for good (with a reason).</summary>
[GenerateSerializer]
public enum OperationStatus
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}
