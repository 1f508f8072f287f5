using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>Packs kernel lists (local row numbers on both sides) into <see cref="NeighbourLists"/> of corpus row ids.</summary>
internal static class ListsOf
{
    /// <param name="owners">The corpus id (or query index) of each list's row.</param>
    /// <param name="ids">The corpus id of each local neighbour row.</param>
    public static NeighbourLists Pack(IReadOnlyList<RankedHit[]?> lists, Func<int, long> owners, Func<int, long> ids)
    {
        var kept = 0;
        var total = 0;
        foreach (var list in lists)
        {
            if (list is { Length: > 0 })
            {
                kept++;
                total += list.Length;
            }
        }

        var rows = new long[kept];
        var offsets = new int[kept + 1];
        var neighbours = new long[total];
        var scores = new double[total];
        var at = 0;
        var row = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            if (lists[i] is not { Length: > 0 } list)
            {
                continue;
            }

            rows[row] = owners(i);
            foreach (var hit in list)
            {
                neighbours[at] = ids(hit.Id);
                scores[at++] = hit.Score;
            }

            offsets[++row] = at;
        }

        return new NeighbourLists(rows, offsets, neighbours, scores);
    }
}
