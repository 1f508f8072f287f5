namespace Similarity.Grains.Kernels;

/// <summary>
/// How the blocked kernels split work: tile sizes and threads. Results never depend on these, only speed and memory.
/// </summary>
/// <remarks>
/// A thread takes a panel of query rows; for each tile-wide block of corpus rows (kept in L2) it scores the panel a
/// tile of query rows at a time (kept in L1), so each corpus row is read from memory once per panel.
/// </remarks>
public sealed record KernelOptions
{
    public static KernelOptions Default { get; } = new();

    /// <summary>Threads one call may use; -1 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Query rows per tile; null sizes them to stay in L1 (about 24 KiB: 16 rows of 384 floats).</summary>
    public int? QueryBlockRows { get; init; }

    /// <summary>Corpus rows per tile; null sizes them to stay in L2 (about 384 KiB: 256 rows of 384 floats).</summary>
    public int? CorpusBlockRows { get; init; }

    /// <summary>Query rows per unit of parallel work, rounded to whole tiles.</summary>
    public int QueryPanelRows { get; init; } = 256;

    internal void Validate()
    {
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all cores) or a positive thread count.");
        }

        if (QueryBlockRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(QueryBlockRows), QueryBlockRows, "Use null (sized to L1) or a positive row count.");
        }

        if (CorpusBlockRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CorpusBlockRows), CorpusBlockRows, "Use null (sized to L2) or a positive row count.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(QueryPanelRows, 1, nameof(QueryPanelRows));
    }

    /// <summary>Query rows per tile for rows of <paramref name="dimensions"/> floats.</summary>
    internal int QueryRows(int dimensions) => QueryBlockRows ?? RowsFitting(24 * 1024, dimensions, 4, 64);

    /// <summary>Corpus rows per tile for rows of <paramref name="dimensions"/> floats.</summary>
    internal int CorpusRows(int dimensions) => CorpusBlockRows ?? RowsFitting(384 * 1024, dimensions, 16, 1024);

    /// <summary>Query rows per work item: <see cref="QueryPanelRows"/> rounded down to whole tiles, at least one tile.</summary>
    internal int PanelRows(int dimensions)
    {
        var tile = QueryRows(dimensions);
        return Math.Max(tile, QueryPanelRows / tile * tile);
    }

    /// <summary>
    /// These options, with panels cut down so a worker's per-row state (<paramref name="bytesPerRow"/> each)
    /// stays within 64 MiB: large top-k asks for large heaps.
    /// </summary>
    internal KernelOptions WithPanelBudget(long bytesPerRow)
    {
        const long budget = 64L << 20;
        var rows = (int)Math.Clamp(budget / Math.Max(1, bytesPerRow), 1, QueryPanelRows);
        return rows == QueryPanelRows ? this : this with { QueryPanelRows = rows };
    }

    internal ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };

    private static int RowsFitting(int bytes, int dimensions, int minimum, int maximum) =>
        Math.Clamp(bytes / (sizeof(float) * Math.Max(1, dimensions)) / 4 * 4, minimum, maximum);
}
