using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary><c>−Σ |a[k] − b[k]|</c>: the negated L1 distance.</summary>
internal readonly struct ManhattanAccumulation : IScoreAccumulation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged => TLanes.Add(sum, TLanes.Abs(TLanes.Subtract(left, right)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Accumulate(float sum, float left, float right) => sum + MathF.Abs(left - right);

    // 0 − x rather than −x: a distance of zero is a score of +0, never −0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(float sum) => 0f - sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Finish(Vector128<float> sums) => Vector128<float>.Zero - sums;
}
