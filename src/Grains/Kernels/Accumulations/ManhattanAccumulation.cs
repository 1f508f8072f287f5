using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary><c>−Σ |a[k] − b[k]|</c>: the negated L1 distance.</summary>
internal readonly struct ManhattanAccumulation : IScoreAccumulation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => TLanes.Add(sum, TLanes.Abs(TLanes.Subtract(left, right)));

    // 0 − x rather than −x: a distance of zero is a score of +0, never −0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Finish<TLanes, TVector>(TVector sums)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => TLanes.Subtract(TLanes.Zero, sums);
}
