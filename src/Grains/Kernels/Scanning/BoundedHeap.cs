using System.Numerics;
using System.Runtime.CompilerServices;

namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// Keeps the best <c>scores.Length</c> (score, id) entries seen: a min-heap whose root is the worst kept entry
/// (lowest score, then highest id), so "better" means higher score, ties to the lower id.
/// </summary>
internal static class BoundedHeap
{
    /// <summary>Adds the entry if it is among the best so far; returns whether it was kept.</summary>
    public static bool Offer<T, TId>(Span<T> scores, Span<TId> ids, ref int count, T score, TId id)
        where T : IComparisonOperators<T, T, bool>
        where TId : IComparisonOperators<TId, TId, bool>
    {
        if (count < scores.Length)
        {
            var hole = count++;
            while (hole > 0)
            {
                var parent = (hole - 1) >> 1;
                if (!IsWorse(score, id, scores[parent], ids[parent]))
                {
                    break;
                }

                scores[hole] = scores[parent];
                ids[hole] = ids[parent];
                hole = parent;
            }

            scores[hole] = score;
            ids[hole] = id;
            return true;
        }

        if (count == 0 || !IsWorse(scores[0], ids[0], score, id))
        {
            return false;
        }

        SiftDown(scores[..count], ids[..count], score, id);
        return true;
    }

    /// <summary>Whether (a, aId) ranks below (b, bId).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWorse<T, TId>(T a, TId aId, T b, TId bId)
        where T : IComparisonOperators<T, T, bool>
        where TId : IComparisonOperators<TId, TId, bool> => a < b || (a == b && aId > bId);

    private static void SiftDown<T, TId>(Span<T> scores, Span<TId> ids, T score, TId id)
        where T : IComparisonOperators<T, T, bool>
        where TId : IComparisonOperators<TId, TId, bool>
    {
        var hole = 0;
        var count = scores.Length;
        while (true)
        {
            var child = 2 * hole + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && IsWorse(scores[child + 1], ids[child + 1], scores[child], ids[child]))
            {
                child++;
            }

            if (!IsWorse(scores[child], ids[child], score, id))
            {
                break;
            }

            scores[hole] = scores[child];
            ids[hole] = ids[child];
            hole = child;
        }

        scores[hole] = score;
        ids[hole] = id;
    }
}
