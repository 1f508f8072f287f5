using Similarity.Grains.Kernels.Panels;

namespace Similarity.Grains.Kernels;

/// <summary>
/// How the blocked kernels split work: tile sizes and threads. Results never depend on these, only speed and memory.
/// </summary>
/// <remarks>
/// A thread takes a panel of query rows; for each block of corpus rows (kept in L2) it scores the panel a tile of query
/// rows at a time, six rows (one micro-tile's height, kept in L1) after six, so each corpus row is read from memory once
/// per panel. Query tiles and panels are whole micro-tiles: sizes are rounded up to multiples of six rows.
/// </remarks>
public sealed record KernelOptions
{
    public static KernelOptions Default { get; } = new();

    /// <summary>Threads one call may use; -1 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Where parallel work runs: null for the .NET thread pool; a silo's <see cref="KernelThreads"/> keep it off the pool Orleans uses.</summary>
    public TaskScheduler? Scheduler { get; init; }

    /// <summary>Query rows per tile (the scores a search worker reads at once); null means 24 (four micro-tiles).</summary>
    public int? QueryBlockRows { get; init; }

    /// <summary>Corpus rows per tile; null sizes them to stay in L2 (about 384 KiB: 256 rows of 384 floats, a multiple of 32).</summary>
    public int? CorpusBlockRows { get; init; }

    /// <summary>
    /// Query rows per unit of parallel work, rounded to whole tiles. Larger bands stream each corpus block from L3 fewer
    /// times (on 2 Zen 4 cores, 512-row bands score ~8% faster than 256-row ones); calls split their rows evenly over the threads.
    /// </summary>
    public int QueryPanelRows { get; init; } = 768;

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

    /// <summary>Query rows per tile for rows of <paramref name="dimensions"/> floats: whole micro-tiles.</summary>
    internal int QueryRows(int dimensions) => WholeMicroTiles(QueryBlockRows ?? 4 * MicroTile.Rows);

    /// <summary>Corpus rows per tile for rows of <paramref name="dimensions"/> floats.</summary>
    internal int CorpusRows(int dimensions) => CorpusBlockRows ?? RowsFitting(384 * 1024, dimensions, 32, 1024);

    /// <summary>Query rows per work item: <see cref="QueryPanelRows"/> rounded down to whole tiles, at least one tile.</summary>
    internal int PanelRows(int dimensions)
    {
        var tile = QueryRows(dimensions);
        return Math.Max(tile, QueryPanelRows / tile * tile);
    }

    /// <summary>
    /// Query rows per work item for <paramref name="rows"/> rows: at most <see cref="PanelRows"/>, cut so the items split
    /// evenly over the threads (1000 rows in panels of 240 would give one of two threads three panels and the other two).
    /// </summary>
    internal int BalancedPanelRows(int rows, int dimensions)
    {
        var tile = QueryRows(dimensions);
        var panel = PanelRows(dimensions);
        long threads = Threads;
        var items = threads * ((rows + threads * panel - 1) / (threads * panel));
        var even = (rows + items - 1) / Math.Max(1, items);
        return (int)Math.Clamp((even + tile - 1) / tile * tile, tile, panel);
    }

    /// <summary>Threads a call may use: <see cref="MaxDegreeOfParallelism"/>, or the processor count for -1.</summary>
    internal int Threads => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

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

    internal ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism, TaskScheduler = Scheduler ?? TaskScheduler.Default };

    private static int RowsFitting(int bytes, int dimensions, int minimum, int maximum) =>
        Math.Clamp(bytes / (sizeof(float) * Math.Max(1, dimensions)) / 32 * 32, minimum, maximum);

    private static int WholeMicroTiles(int rows) => (int)Math.Min(int.MaxValue / 2, ((long)rows + MicroTile.Rows - 1) / MicroTile.Rows * MicroTile.Rows);
}
