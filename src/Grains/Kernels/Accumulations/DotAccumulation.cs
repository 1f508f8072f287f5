using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary><c>Σ a[k]·b[k]</c>: dot products, and cosine on unit rows.</summary>
internal readonly struct DotAccumulation : IScoreAccumulation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => TLanes.MultiplyAdd(left, right, sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Finish<TLanes, TVector>(TVector sums)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => sums;
}
