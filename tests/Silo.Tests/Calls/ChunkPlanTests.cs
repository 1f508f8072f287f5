using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Calls;

namespace Similarity.Silo.Tests.Calls;

public class ChunkPlanTests
{
    [Fact]
    public void Items_are_cut_into_runs_of_at_most_the_item_limit()
    {
        var chunks = ChunkPlan.Cut(10, _ => 1, maxItems: 4, maxBytes: 1000);

        Assert.Equal([new(0, 4), new(4, 4), new(8, 2)], chunks);
    }

    [Fact]
    public void A_run_ends_before_it_would_pass_the_byte_limit()
    {
        var chunks = ChunkPlan.Cut(5, i => i == 2 ? 90 : 10, maxItems: 100, maxBytes: 100);

        Assert.Equal([new(0, 2), new(2, 1), new(3, 2)], chunks);
    }

    [Fact]
    public void No_items_make_one_empty_request()
    {
        Assert.Equal([new RequestChunk(0, 0)], ChunkPlan.Cut(0, _ => 0, 4, 100));
    }

    [Fact]
    public void An_item_too_large_for_any_request_is_refused_by_index()
    {
        var error = Assert.Throws<RequestTooLargeException>(() => ChunkPlan.Cut(3, i => i == 1 ? 500 : 1, 4, 100, "pair"));

        Assert.Contains("pair 1 takes 500 bytes", error.Message);
    }

    [Fact]
    public void Every_item_lands_in_exactly_one_chunk_in_order()
    {
        var sizes = Enumerable.Range(0, 500).Select(i => (long)(i * 37 % 90) + 1).ToArray();

        var chunks = ChunkPlan.Cut(sizes.Length, i => sizes[i], maxItems: 7, maxBytes: 200);

        Assert.Equal(Enumerable.Range(0, 500), chunks.SelectMany(c => Enumerable.Range(c.Start, c.Count)));
        Assert.All(chunks, c => Assert.True(c.Count <= 7 && sizes.Skip(c.Start).Take(c.Count).Sum() + 3 <= 200));
    }
}
