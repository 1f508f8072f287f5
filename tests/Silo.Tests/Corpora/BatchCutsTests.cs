using Similarity.Client.Corpora;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>An input is cut into batches of at most a row count and a byte size, so every batch fits one stream message.</summary>
public sealed class BatchCutsTests
{
    [Fact]
    public void Rows_are_cut_by_count_and_by_bytes_whichever_comes_first()
    {
        // 3 rows (the count), 2 rows filling MaxBatchBytes exactly, then 11 + MaxBatchBytes - 10 bytes: one too many.
        var cuts = new BatchCuts(maxRows: 3);
        foreach (var bytes in (long[])[10, 10, 10, 10, BatchCuts.MaxBatchBytes - 10, 11, BatchCuts.MaxBatchBytes - 10])
        {
            cuts.Add(bytes);
        }

        Assert.Equal((7L, 4), (cuts.Rows, cuts.Batches));
        Assert.Equal([0L, 3, 5, 6], Enumerable.Range(0, cuts.Batches).Select(cuts.StartOf));
        Assert.Equal([3, 2, 1, 1], Enumerable.Range(0, cuts.Batches).Select(cuts.CountOf));
    }

    [Fact]
    public void Wide_embeddings_get_fewer_rows_per_batch()
    {
        var cuts = BatchCuts.Fixed(rows: 3000, maxRows: 2048, bytesPerRow: 384 * sizeof(float));

        Assert.Equal(BatchCuts.MaxBatchBytes / (384 * 4), cuts.CountOf(0));
        Assert.Equal(3000, Enumerable.Range(0, cuts.Batches).Sum(cuts.CountOf));
    }

    [Fact]
    public void A_row_larger_than_a_batch_may_be_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchCuts(10).Add(BatchCuts.MaxBatchBytes + 1));
    }
}
