using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Corpora.Rows;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>A shard's cached rows: blocks kept in row order without overlaps, read back by id across blocks, in either precision.</summary>
public sealed class ShardRowsTests
{
    private static readonly Guid Ingest = Guid.NewGuid();

    [Fact]
    public void Rows_are_read_in_id_order_across_blocks_from_any_row_on()
    {
        var rows = ShardRows.Of([Block(20, 3, seed: 1), Block(0, 4, seed: 2), Block(40, 2, seed: 3)]);

        var read = rows.Read(fromRow: 2, maxRows: 5);

        Assert.Equal([2L, 3, 20, 21, 22], read.Ids);
        Assert.Equal(
            [.. rows.Blocks[0].Single[(2 * 3)..].ToArray(), .. rows.Blocks[1].Single.ToArray()],
            read.Single!);
        Assert.Equal([41L], rows.Read(41, 10).Ids);
        Assert.Empty(rows.Read(42, 10).Ids);
        Assert.Equal((9L, 3), (rows.Count, rows.Blocks.Length));
    }

    [Fact]
    public void A_block_overlapping_another_is_refused()
    {
        var rows = ShardRows.Of([Block(10, 5, seed: 1)]);

        Assert.Throws<ArgumentException>(() => rows.Add(Block(12, 5, seed: 2)));
        Assert.Throws<ArgumentException>(() => rows.Add(Block(8, 3, seed: 3)));
        Assert.Throws<ArgumentException>(() => rows.Add(Block(10, 1, seed: 4)));
        Assert.Equal(7L, rows.Add(Block(15, 2, seed: 5)).Count);
    }

    [Fact]
    public void Removing_an_add_keeps_the_blocks_of_the_others()
    {
        var other = Guid.NewGuid();
        var rows = ShardRows.Of([Block(0, 4, seed: 1), RowBlock.Of(4, other, 1, 3, new float[12], StoragePrecision.Float32), Block(8, 2, seed: 2)]);

        var kept = rows.Without(other);

        Assert.Equal([0L, 8], kept.Blocks.Select(b => b.FirstRow));
        Assert.Equal((6L, 6L * 3 * 4), (kept.Count, kept.CachedBytes));
    }

    [Fact]
    public void A_float16_block_widens_to_within_1e_3_of_its_float32_rows_in_half_the_bytes()
    {
        var values = UnitRows.Random(50, 384, seed: 7).Values;
        var single = RowBlock.Of(0, Ingest, 0, 384, values, StoragePrecision.Float32);
        var half = RowBlock.Of(0, Ingest, 0, 384, values, StoragePrecision.Float16);
        var widened = new float[values.Length];

        half.CopyTo(0, 50, widened);

        Assert.InRange(values.Zip(widened, (a, b) => Math.Abs(a - b)).Max(), 1e-9, 1e-3);
        Assert.Equal(single.CachedBytes, 2 * half.CachedBytes);
        var read = ShardRows.Of([half]).Read(10, 5);
        Assert.Equal(StoragePrecision.Float16, read.Precision);
        Assert.Equal(widened.AsSpan(10 * 384, 5 * 384).ToArray(), read.ToSingle());
    }

    private static RowBlock Block(long firstRow, int count, int seed) =>
        RowBlock.Of(firstRow, Ingest, firstRow, 3, UnitRows.Random(count, 3, seed).Values, StoragePrecision.Float32);
}
