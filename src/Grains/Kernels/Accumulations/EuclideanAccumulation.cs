using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary><c>−√Σ (a[k] − b[k])²</c>: the negated L2 distance.</summary>
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
    public static float Accumulate(float sum, float left, float right)
    {
        var difference = left - right;
        return MathF.FusedMultiplyAdd(difference, difference, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(float sum) => 0f - MathF.Sqrt(sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Finish(Vector128<float> sums) => Vector128<float>.Zero - Vector128.Sqrt(sums);
}
