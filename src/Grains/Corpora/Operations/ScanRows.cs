using Similarity.Grains.Contracts.Corpora.Rows;
using Similarity.Grains.Corpora.Rows;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// A shard's rows as the kernels read them: one contiguous float32 matrix (float16 rows widened, exactly) and the
/// corpus row id of each matrix row, ascending, so a kernel's local row order is the corpus's and ties break alike.
/// Made for one scan and dropped after it: the shard keeps only its blocks in memory. Its values are allocated
/// uninitialised (every one is copied in): the shards of a million-row corpus would otherwise zero 1.5 GB per search first.
/// </summary>
internal sealed record ScanRows(EmbeddingMatrix Matrix, long[] Ids)
{
    public int Count => Ids.Length;

    /// <summary>The rows of <paramref name="rows"/> with ids below <paramref name="endRow"/>.</summary>
    public static ScanRows Of(ShardRows rows, int dimension, long endRow)
    {
        var count = checked((int)rows.Blocks.Sum(b => Math.Clamp(endRow - b.FirstRow, 0, b.Count)));
        var values = GC.AllocateUninitializedArray<float>(checked(count * dimension));
        var ids = new long[count];
        var at = 0;
        foreach (var block in rows.Blocks)
        {
            var take = (int)Math.Clamp(endRow - block.FirstRow, 0, block.Count);
            block.CopyTo(0, take, values.AsSpan(at * dimension, take * dimension));
            for (var i = 0; i < take; i++)
            {
                ids[at + i] = block.FirstRow + i;
            }

            at += take;
        }

        return new ScanRows(new EmbeddingMatrix(count, dimension, values), ids);
    }

    /// <summary>Pages of rows read from a shard, in id order, widened to float32: those with ids below <paramref name="endRow"/>.</summary>
    public static ScanRows Of(IReadOnlyList<CorpusRows> pages, int dimension, long endRow)
    {
        var count = pages.Sum(p => Below(p, endRow));
        var values = GC.AllocateUninitializedArray<float>(checked(count * dimension));
        var ids = new long[count];
        var at = 0;
        foreach (var page in pages)
        {
            var take = Below(page, endRow);
            page.CopyTo(0, take, values.AsSpan(at * dimension, take * dimension));
            page.Ids.AsSpan(0, take).CopyTo(ids.AsSpan(at));
            at += take;
        }

        return new ScanRows(new EmbeddingMatrix(count, dimension, values), ids);
    }

    private static int Below(CorpusRows page, long endRow)
    {
        var at = Array.BinarySearch(page.Ids, endRow);
        return at >= 0 ? at : ~at;
    }
}
