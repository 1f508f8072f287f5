using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
    public static float Accumulate(float sum, float left, float right) => MathF.FusedMultiplyAdd(left, right, sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(float sum) => sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Finish(Vector128<float> sums) => sums;
}
