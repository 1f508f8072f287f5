using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary><c>−√Σ (a[k] − b[k])²</c>: the negated L2 distance, from differences (never ‖a‖² + ‖b‖² − 2a·b, which cancels).</summary>
internal readonly struct EuclideanAccumulation : IScoreAccumulation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
    {
        var difference = TLanes.Subtract(left, right);
        return TLanes.MultiplyAdd(difference, difference, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Finish<TLanes, TVector>(TVector sums)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => TLanes.Subtract(TLanes.Zero, TLanes.Sqrt(sums));
}
