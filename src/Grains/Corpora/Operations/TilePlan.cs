namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// The tiles of an operation over <c>shards</c> shards: every pair i ≤ j once, each run by one of its two shards,
/// alternating so every shard (and so every silo) runs about as many tiles.
/// </summary>
internal static class TilePlan
{
    /// <summary>(the shard that runs the tile, the other shard) for every tile.</summary>
    public static (int Runner, int Other)[] For(int shards)
    {
        var tiles = new List<(int, int)>();
        for (var i = 0; i < shards; i++)
        {
            for (var j = i; j < shards; j++)
            {
                tiles.Add((i + j) % 2 == 0 ? (i, j) : (j, i));
            }
        }

        return [.. tiles];
    }
}
