using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Gathers the tiles' lists into one list per corpus row, in any tile order (one tile at a time), then turns them into
/// the operation's result. Memory: the per-row lists, never an n × n matrix.
/// </summary>
internal abstract class TileMerge
{
    protected TileMerge(int rows) => Lists = new RankedHit[]?[rows];

    /// <summary>Row i's merged list so far, ranked (score descending, lower id first).</summary>
    protected RankedHit[]?[] Lists { get; }

    public static TileMerge For(OperationSpec spec, int rows) => spec.Kind switch
    {
        OperationKind.Mine => new MiningMerge(rows, spec.TopK, spec.MaxPairs),
        OperationKind.Cluster => new CommunityMerge(rows, spec.MinSize),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
    };

    public void Add(TileNeighbours tile)
    {
        Add(tile.Own);
        Add(tile.Other);
    }

    /// <summary>The operation's result, into <paramref name="state"/>.</summary>
    public abstract void Complete(OperationState state);

    /// <summary>Row <paramref name="row"/>'s list merged with <paramref name="incoming"/> (both ranked).</summary>
    protected abstract RankedHit[] Merge(RankedHit[]? current, RankedHit[] incoming);

    /// <summary>The two ranked lists as one ranked list.</summary>
    protected static RankedHit[] Union(RankedHit[]? current, RankedHit[] incoming)
    {
        if (current is null)
        {
            return incoming;
        }

        var all = new RankedHit[current.Length + incoming.Length];
        current.CopyTo(all, 0);
        incoming.CopyTo(all, current.Length);
        Array.Sort(all);
        return all;
    }

    private void Add(NeighbourLists lists)
    {
        for (var i = 0; i < lists.Count; i++)
        {
            var range = lists.List(i);
            var incoming = new RankedHit[range.End.Value - range.Start.Value];
            for (var at = 0; at < incoming.Length; at++)
            {
                incoming[at] = new RankedHit((int)lists.Ids[range.Start.Value + at], lists.Scores[range.Start.Value + at]);
            }

            var row = (int)lists.Rows[i];
            Lists[row] = Merge(Lists[row], incoming);
        }
    }
}
