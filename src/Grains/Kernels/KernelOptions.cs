namespace Similarity.Grains.Kernels;

/// <summary>
/// How the blocked kernels split work: tile sizes and threads. Results never depend on these, only speed and memory.
/// </summary>
public sealed record KernelOptions
{
    public static KernelOptions Default { get; } = new();

    /// <summary>Threads one call may use; -1 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Query rows per tile: the unit of parallel work.</summary>
    public int QueryBlockRows { get; init; } = 64;

    /// <summary>Corpus rows per tile: small enough that a tile's corpus rows stay in L2 while the query rows pass.</summary>
    public int CorpusBlockRows { get; init; } = 256;

    internal void Validate()
    {
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all cores) or a positive thread count.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(QueryBlockRows, 1, nameof(QueryBlockRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(CorpusBlockRows, 1, nameof(CorpusBlockRows));
    }

    internal ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
}
