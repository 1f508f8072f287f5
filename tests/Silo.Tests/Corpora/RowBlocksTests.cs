using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>Runs of rows of any size are handed on as blocks of a fixed row count, in order, each with its first row's id.</summary>
public sealed class RowBlocksTests
{
    [Fact]
    public async Task Uneven_runs_become_full_blocks_and_a_shorter_last_one_in_order()
    {
        var rows = UnitRows.Random(23, 3, seed: 61);
        var blocks = new List<(long First, FloatMatrix Block)>();
        var gather = new RowBlocks(3, 5, (block, first, _) =>
        {
            blocks.Add((first, block));
            return ValueTask.CompletedTask;
        });

        var at = 0;
        foreach (var run in (int[])[1, 7, 2, 4, 9])
        {
            await gather.AddAsync(new FloatMatrix(run, 3, rows.Values.AsSpan(at * 3, run * 3).ToArray()), CancellationToken.None);
            at += run;
        }

        await gather.FlushAsync(CancellationToken.None);

        Assert.Equal([0L, 5, 10, 15, 20], blocks.Select(b => b.First));
        Assert.Equal([5, 5, 5, 5, 3], blocks.Select(b => b.Block.Rows));
        Assert.Equal(rows.Values, blocks.SelectMany(b => b.Block.Values));
    }

    [Fact]
    public async Task No_rows_hand_on_no_block()
    {
        var handed = 0;
        var gather = new RowBlocks(4, 8, (_, _, _) =>
        {
            handed++;
            return ValueTask.CompletedTask;
        });

        await gather.FlushAsync(CancellationToken.None);

        Assert.Equal(0, handed);
    }
}
