using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Clustering;

/// <summary>
/// sentence-transformers' greedy step of community detection: candidate lists (one per row, in row order) are taken
/// largest first (ties: lower row), each dropping members already taken and kept while still ≥ the minimum size; the
/// communities are returned largest first (stable). In process and for a distributed corpus alike.
/// </summary>
internal static class CommunityExtraction
{
    /// <param name="candidates">Row i's ranked neighbours at the threshold (itself included), or null when it is no candidate.</param>
    public static Community[] Extract(IReadOnlyList<RankedHit[]?> candidates, int minSize)
    {
        // Largest first; OrderByDescending is stable, so equal sizes keep row order.
        var extracted = candidates.Where(c => c is not null && c.Length >= minSize).OrderByDescending(c => c!.Length);
        var taken = new bool[candidates.Count];
        var unique = new List<int[]>();
        var remaining = new List<int>();
        foreach (var community in extracted)
        {
            remaining.Clear();
            foreach (var member in community!)
            {
                if (!taken[member.Id])
                {
                    remaining.Add(member.Id);
                }
            }

            if (remaining.Count >= minSize)
            {
                foreach (var member in remaining)
                {
                    taken[member] = true;
                }

                unique.Add([.. remaining]);
            }
        }

        return [.. unique.OrderByDescending(c => c.Length).Select(c => new Community(c[0], c))];
    }
}
