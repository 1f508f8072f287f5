using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Rows;
using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// A shard's rows as the kernels read them: its cached blocks (or the pages read from another shard) where they lie,
/// as one <see cref="BlockRows"/> (float16 widened only as the kernels read each row), and the corpus row id of each,
/// ascending, so a kernel's local row order is the corpus's and ties break alike. Nothing is copied: a scan of a
/// million-row corpus would otherwise write and read a second copy of every row per search.
/// </summary>
internal sealed class ScanRows
{
    /// <summary>Per block of <see cref="Rows"/>: the id of its first row, its rows' ids following on (a shard's own blocks).</summary>
    private readonly long[] _firstIds;

    /// <summary>Per block of <see cref="Rows"/>: its rows' ids when they do not simply follow on (pages read from another shard), else null.</summary>
    private readonly long[]?[] _ids;

    private ScanRows(BlockRows rows, long[] firstIds, long[]?[] ids)
    {
        Rows = rows;
        _firstIds = firstIds;
        _ids = ids;
    }

    public BlockRows Rows { get; }

    public int Count => Rows.Count;

    /// <summary>The corpus row id of local row <paramref name="row"/>.</summary>
    public long IdOf(int row)
    {
        var block = Rows.BlockOf(row);
        var at = row - Rows.BlockStart(block);
        return _ids[block] is { } ids ? ids[at] : _firstIds[block] + at;
    }

    /// <summary>The corpus row id of every local row, in order.</summary>
    public long[] Ids()
    {
        var ids = new long[Count];
        for (var row = 0; row < ids.Length; row++)
        {
            ids[row] = IdOf(row);
        }

        return ids;
    }

    /// <summary>The rows of <paramref name="rows"/> with ids below <paramref name="endRow"/>.</summary>
    public static ScanRows Of(ShardRows rows, int dimension, long endRow)
    {
        var kept = rows.Blocks
            .Select(b => (Block: b, Take: (int)Math.Clamp(endRow - b.FirstRow, 0, b.Count)))
            .Where(b => b.Take > 0)
            .ToArray();
        var blocks = rows.Precision == StoragePrecision.Float16
            ? BlockRows.Of(dimension, kept.Select(b => b.Block.HalfRows(b.Take)))
            : BlockRows.Of(dimension, kept.Select(b => b.Block.SingleRows(b.Take)));
        return new ScanRows(blocks, [.. kept.Select(b => b.Block.FirstRow)], new long[]?[kept.Length]);
    }

    /// <summary>Pages of rows read from a shard, in id order: those with ids below <paramref name="endRow"/>.</summary>
    public static ScanRows Of(IReadOnlyList<CorpusRows> pages, int dimension, long endRow)
    {
        var kept = pages
            .Select(p => (Page: p, Take: Below(p, endRow)))
            .Where(p => p.Take > 0)
            .ToArray();
        var blocks = kept.Length > 0 && kept[0].Page.Precision == StoragePrecision.Float16
            ? BlockRows.Of(dimension, kept.Select(p => new ReadOnlyMemory<Half>(p.Page.Half!, 0, p.Take * dimension)))
            : BlockRows.Of(dimension, kept.Select(p => new ReadOnlyMemory<float>(p.Page.Single!, 0, p.Take * dimension)));
        return new ScanRows(blocks, new long[kept.Length], [.. kept.Select(p => p.Page.Ids)]);
    }

    private static int Below(CorpusRows page, long endRow)
    {
        var at = Array.BinarySearch(page.Ids, endRow);
        return at >= 0 ? at : ~at;
    }
}
