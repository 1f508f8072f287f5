using System.Collections.Immutable;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Rows;

namespace Similarity.Grains.Corpora.Rows;

/// <summary>
/// The rows a shard holds, as an immutable snapshot: its blocks ordered by first row id (their ids never overlap; a
/// shard's blocks are not consecutive with each other, since a corpus deals its batches out over its shards). Adding a
/// block makes a new snapshot, so a reader or a kernel keeps scoring the one it started with. What scoring code
/// iterates: each <see cref="RowBlock"/> is a plain row-major matrix.
/// </summary>
public sealed class ShardRows
{
    private ShardRows(ImmutableArray<RowBlock> blocks, long count, long cachedBytes)
    {
        Blocks = blocks;
        Count = count;
        CachedBytes = cachedBytes;
    }

    public static ShardRows Empty { get; } = new([], 0, 0);

    /// <summary>The blocks, ascending by <see cref="RowBlock.FirstRow"/>.</summary>
    public ImmutableArray<RowBlock> Blocks { get; }

    /// <summary>Rows in all blocks.</summary>
    public long Count { get; }

    /// <summary>The width of the rows, once there are any.</summary>
    public int? Dimension => Blocks.IsEmpty ? null : Blocks[0].Dimension;

    /// <summary>The rows' precision, once there are any.</summary>
    public StoragePrecision? Precision => Blocks.IsEmpty ? null : Blocks[0].Precision;

    /// <summary>Bytes the rows' values take in memory.</summary>
    public long CachedBytes { get; }

    /// <summary>The blocks as read from storage, in any order; overlapping blocks are refused (storage keys blocks by first row).</summary>
    public static ShardRows Of(IEnumerable<RowBlock> blocks)
    {
        var rows = Empty;
        foreach (var block in blocks.OrderBy(b => b.FirstRow))
        {
            rows = rows.Add(block);
        }

        return rows;
    }

    /// <summary>True when a block starts at <paramref name="firstRow"/>.</summary>
    public bool Contains(long firstRow) => IndexOf(firstRow) >= 0;

    /// <summary>A snapshot with <paramref name="block"/> added; a block overlapping another, or of another width or precision, is refused.</summary>
    public ShardRows Add(RowBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (!Blocks.IsEmpty && (block.Dimension != Blocks[0].Dimension || block.Precision != Blocks[0].Precision))
        {
            throw new ArgumentException(
                $"a block of {block.Dimension} {block.Precision.Name()} values per row does not fit a shard of {Blocks[0].Dimension} {Blocks[0].Precision.Name()} values");
        }

        var at = IndexOf(block.FirstRow);
        if (at >= 0)
        {
            throw new ArgumentException($"the shard already holds a block starting at row {block.FirstRow}");
        }

        at = ~at;
        if ((at > 0 && Blocks[at - 1].EndRow > block.FirstRow) || (at < Blocks.Length && block.EndRow > Blocks[at].FirstRow))
        {
            throw new ArgumentException($"rows {block.FirstRow}..{block.EndRow - 1} overlap a block the shard holds");
        }

        return new ShardRows(Blocks.Insert(at, block), Count + block.Count, CachedBytes + block.CachedBytes);
    }

    /// <summary>A snapshot without the blocks of add <paramref name="ingest"/>.</summary>
    public ShardRows Without(Guid ingest)
    {
        var kept = Blocks.RemoveAll(b => b.Ingest == ingest);
        return kept.Length == Blocks.Length ? this : new ShardRows(kept, kept.Sum(b => (long)b.Count), kept.Sum(b => b.CachedBytes));
    }

    /// <summary>Up to <paramref name="maxRows"/> rows with ids from <paramref name="fromRow"/> on, in id order, in the blocks' own precision.</summary>
    public CorpusRows Read(long fromRow, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        if (Blocks.IsEmpty)
        {
            return CorpusRows.Empty(0, StoragePrecision.Float32);
        }

        var dimension = Blocks[0].Dimension;
        var first = FirstBlockEndingAfter(fromRow);
        var total = 0;
        for (var b = first; b < Blocks.Length && total < maxRows; b++)
        {
            total += Math.Min(maxRows - total, Blocks[b].Count - Skip(Blocks[b], fromRow));
        }

        var ids = new long[total];
        var singles = Blocks[0].Precision == StoragePrecision.Float32 ? new float[total * dimension] : [];
        var halves = Blocks[0].Precision == StoragePrecision.Float16 ? new Half[total * dimension] : [];
        var written = 0;
        for (var b = first; written < total; b++)
        {
            var block = Blocks[b];
            var skip = Skip(block, fromRow);
            var take = Math.Min(total - written, block.Count - skip);
            for (var i = 0; i < take; i++)
            {
                ids[written + i] = block.FirstRow + skip + i;
            }

            block.CopyTo(
                skip,
                take,
                singles.AsSpan(Math.Min(singles.Length, written * dimension)),
                halves.AsSpan(Math.Min(halves.Length, written * dimension)));
            written += take;
        }

        return Blocks[0].Precision == StoragePrecision.Float16 ? new CorpusRows(dimension, ids, halves) : new CorpusRows(dimension, ids, singles);
    }

    private static int Skip(RowBlock block, long fromRow) => (int)Math.Clamp(fromRow - block.FirstRow, 0, block.Count);

    /// <summary>Index of the first block with rows at or after <paramref name="row"/>.</summary>
    private int FirstBlockEndingAfter(long row)
    {
        int low = 0, high = Blocks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Blocks[middle].EndRow <= row)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of the block starting at <paramref name="firstRow"/>, or the complement of where it would go.</summary>
    private int IndexOf(long firstRow)
    {
        int low = 0, high = Blocks.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = Blocks[middle].FirstRow;
            if (at == firstRow)
            {
                return middle;
            }

            if (at < firstRow)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
