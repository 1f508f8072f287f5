namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>
/// Ranked neighbour lists as a tile or a shard's search sends them back: list i belongs to <c>Rows[i]</c> (a corpus row
/// id, or a query's index) and holds <c>Ids[Offsets[i]..Offsets[i + 1]]</c> with their float64 scores, best first
/// (ties to the lower id). Flat arrays, so a tile of many lists is a few blocks on the wire.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record NeighbourLists(
    [property: Id(0)] long[] Rows,
    [property: Id(1)] int[] Offsets,
    [property: Id(2)] long[] Ids,
    [property: Id(3)] double[] Scores)
{
    public static NeighbourLists Empty { get; } = new([], [0], [], []);

    public int Count => Rows.Length;

    /// <summary>The range of list <paramref name="index"/> in <see cref="Ids"/> and <see cref="Scores"/>.</summary>
    public Range List(int index) => Offsets[index]..Offsets[index + 1];
}
