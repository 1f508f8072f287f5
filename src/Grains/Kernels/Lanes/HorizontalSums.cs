using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Similarity.Grains.Kernels.Lanes;

/// <summary>
/// Finishes folded sums with one fixed tree, <c>(z0 + z1) + (z2 + z3)</c>: four accumulators at once with three
/// pairwise adds, or one alone, bit-identical either way.
/// </summary>
internal static class HorizontalSums
{
    /// <summary>The four sums of <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>, <paramref name="d"/>, in that lane order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sum4(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d) =>
        PairwiseAdd(PairwiseAdd(a, b), PairwiseAdd(c, d));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector128<float> z)
    {
        var pairs = PairwiseAdd(z, z);
        return PairwiseAdd(pairs, pairs).ToScalar();
    }

    /// <summary><c>(a0 + a1, a2 + a3, b0 + b1, b2 + b3)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> PairwiseAdd(Vector128<float> a, Vector128<float> b)
    {
        if (Sse3.IsSupported)
        {
            return Sse3.HorizontalAdd(a, b);
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            return AdvSimd.Arm64.AddPairwise(a, b);
        }

        return Vector128.Create(a[0] + a[1], a[2] + a[3], b[0] + b[1], b[2] + b[3]);
    }
}
