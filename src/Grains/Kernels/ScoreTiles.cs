using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Similarity.Grains.Kernels.Accumulations;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Scores every left row against every right row of a tile, four by four so each loaded vector feeds four sums.
/// Every pair, in the 4×4 core or at the edges, is summed lane by lane in the same order with the same tail,
/// so equal rows give bit-equal scores and <c>s(i, j) == s(j, i)</c>.
/// </summary>
internal static unsafe class ScoreTiles
{
    /// <summary>
    /// <c>destination[i * destinationStride + j] = score(left row i, right row j)</c> for a
    /// <paramref name="leftRows"/> × <paramref name="rightRows"/> tile of row-major rows with <paramref name="dimensions"/> values each.
    /// </summary>
    public static void Compute(
        ScoreKernel kernel, float* left, int leftRows, float* right, int rightRows, int dimensions, float* destination, int destinationStride)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Compute<Lanes512, Vector512<float>>(kernel, left, leftRows, right, rightRows, dimensions, destination, destinationStride);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Compute<Lanes256, Vector256<float>>(kernel, left, leftRows, right, rightRows, dimensions, destination, destinationStride);
        }
        else
        {
            Compute<Lanes128, Vector128<float>>(kernel, left, leftRows, right, rightRows, dimensions, destination, destinationStride);
        }
    }

    private static void Compute<TLanes, TVector>(
        ScoreKernel kernel, float* left, int leftRows, float* right, int rightRows, int dimensions, float* destination, int destinationStride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
    {
        switch (kernel)
        {
            case ScoreKernel.Dot:
                Compute<TLanes, TVector, DotAccumulation>(left, leftRows, right, rightRows, dimensions, destination, destinationStride);
                break;
            case ScoreKernel.NegatedManhattan:
                Compute<TLanes, TVector, ManhattanAccumulation>(left, leftRows, right, rightRows, dimensions, destination, destinationStride);
                break;
            case ScoreKernel.NegatedEuclidean:
                Compute<TLanes, TVector, EuclideanAccumulation>(left, leftRows, right, rightRows, dimensions, destination, destinationStride);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compute<TLanes, TVector, TSum>(
        float* left, int leftRows, float* right, int rightRows, int dimensions, float* destination, int destinationStride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        nint rowLength = dimensions;
        nint stride = destinationStride;
        var j = 0;

        // Four right rows stay in L1 while the left rows stream past them.
        for (; j + 4 <= rightRows; j += 4)
        {
            var rightBlock = right + j * rowLength;
            var i = 0;
            for (; i + 4 <= leftRows; i += 4)
            {
                Block4x4<TLanes, TVector, TSum>(left + i * rowLength, rightBlock, dimensions, destination + i * stride + j, stride);
            }

            for (; i < leftRows; i++)
            {
                Block1x4<TLanes, TVector, TSum>(left + i * rowLength, rightBlock, dimensions, destination + i * stride + j);
            }
        }

        for (; j < rightRows; j++)
        {
            var rightRow = right + j * rowLength;
            for (var i = 0; i < leftRows; i++)
            {
                destination[i * stride + j] = Block1x1<TLanes, TVector, TSum>(left + i * rowLength, rightRow, dimensions);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x4<TLanes, TVector, TSum>(float* a0, float* b0, int dimensions, float* destination, nint stride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        nint n = dimensions;
        float* a1 = a0 + n, a2 = a1 + n, a3 = a2 + n;
        float* b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s02 = TLanes.Zero, s03 = TLanes.Zero;
        TVector s10 = TLanes.Zero, s11 = TLanes.Zero, s12 = TLanes.Zero, s13 = TLanes.Zero;
        TVector s20 = TLanes.Zero, s21 = TLanes.Zero, s22 = TLanes.Zero, s23 = TLanes.Zero;
        TVector s30 = TLanes.Zero, s31 = TLanes.Zero, s32 = TLanes.Zero, s33 = TLanes.Zero;
        var k = 0;
        for (; k <= dimensions - TLanes.Count; k += TLanes.Count)
        {
            var x0 = TLanes.Load(a0 + k);
            var x1 = TLanes.Load(a1 + k);
            var x2 = TLanes.Load(a2 + k);
            var x3 = TLanes.Load(a3 + k);
            var y = TLanes.Load(b0 + k);
            s00 = TSum.Accumulate<TLanes, TVector>(s00, x0, y);
            s10 = TSum.Accumulate<TLanes, TVector>(s10, x1, y);
            s20 = TSum.Accumulate<TLanes, TVector>(s20, x2, y);
            s30 = TSum.Accumulate<TLanes, TVector>(s30, x3, y);
            y = TLanes.Load(b1 + k);
            s01 = TSum.Accumulate<TLanes, TVector>(s01, x0, y);
            s11 = TSum.Accumulate<TLanes, TVector>(s11, x1, y);
            s21 = TSum.Accumulate<TLanes, TVector>(s21, x2, y);
            s31 = TSum.Accumulate<TLanes, TVector>(s31, x3, y);
            y = TLanes.Load(b2 + k);
            s02 = TSum.Accumulate<TLanes, TVector>(s02, x0, y);
            s12 = TSum.Accumulate<TLanes, TVector>(s12, x1, y);
            s22 = TSum.Accumulate<TLanes, TVector>(s22, x2, y);
            s32 = TSum.Accumulate<TLanes, TVector>(s32, x3, y);
            y = TLanes.Load(b3 + k);
            s03 = TSum.Accumulate<TLanes, TVector>(s03, x0, y);
            s13 = TSum.Accumulate<TLanes, TVector>(s13, x1, y);
            s23 = TSum.Accumulate<TLanes, TVector>(s23, x2, y);
            s33 = TSum.Accumulate<TLanes, TVector>(s33, x3, y);
        }

        // Reduce all sixteen before any store: nothing may be called while the accumulators are live.
        var r0 = Reduce4<TLanes, TVector>(s00, s01, s02, s03);
        var r1 = Reduce4<TLanes, TVector>(s10, s11, s12, s13);
        var r2 = Reduce4<TLanes, TVector>(s20, s21, s22, s23);
        var r3 = Reduce4<TLanes, TVector>(s30, s31, s32, s33);
        Store4<TSum>(r0, a0, b0, k, dimensions, destination);
        Store4<TSum>(r1, a1, b0, k, dimensions, destination + stride);
        Store4<TSum>(r2, a2, b0, k, dimensions, destination + 2 * stride);
        Store4<TSum>(r3, a3, b0, k, dimensions, destination + 3 * stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1x4<TLanes, TVector, TSum>(float* a, float* b0, int dimensions, float* destination)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        nint n = dimensions;
        float* b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        TVector s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
        var k = 0;
        for (; k <= dimensions - TLanes.Count; k += TLanes.Count)
        {
            var x = TLanes.Load(a + k);
            s0 = TSum.Accumulate<TLanes, TVector>(s0, x, TLanes.Load(b0 + k));
            s1 = TSum.Accumulate<TLanes, TVector>(s1, x, TLanes.Load(b1 + k));
            s2 = TSum.Accumulate<TLanes, TVector>(s2, x, TLanes.Load(b2 + k));
            s3 = TSum.Accumulate<TLanes, TVector>(s3, x, TLanes.Load(b3 + k));
        }

        Store4<TSum>(Reduce4<TLanes, TVector>(s0, s1, s2, s3), a, b0, k, dimensions, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Block1x1<TLanes, TVector, TSum>(float* a, float* b, int dimensions)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        var s = TLanes.Zero;
        var k = 0;
        for (; k <= dimensions - TLanes.Count; k += TLanes.Count)
        {
            s = TSum.Accumulate<TLanes, TVector>(s, TLanes.Load(a + k), TLanes.Load(b + k));
        }

        return Finish<TLanes, TVector, TSum>(s, a, b, k, dimensions);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Reduce4<TLanes, TVector>(TVector s0, TVector s1, TVector s2, TVector s3)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged =>
        HorizontalSums.Sum4(TLanes.Fold(s0), TLanes.Fold(s1), TLanes.Fold(s2), TLanes.Fold(s3));

    /// <summary>Writes the scores of one left row against four consecutive right rows (<c>dimensions</c> apart), tails first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4<TSum>(Vector128<float> sums, float* a, float* b0, int k, int dimensions, float* destination)
        where TSum : IScoreAccumulation
    {
        if (k == dimensions)
        {
            TSum.Finish(sums).Store(destination);
        }
        else
        {
            Store4WithTails<TSum>(sums, a, b0, k, dimensions, destination);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Store4WithTails<TSum>(Vector128<float> sums, float* a, float* b0, int k, int dimensions, float* destination)
        where TSum : IScoreAccumulation
    {
        for (var column = 0; column < 4; column++)
        {
            destination[column] = Tail<TSum>(sums.GetElement(column), a, b0 + (nint)column * dimensions, k, dimensions);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Finish<TLanes, TVector, TSum>(TVector lanes, float* a, float* b, int k, int dimensions)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation =>
        Tail<TSum>(HorizontalSums.Sum(TLanes.Fold(lanes)), a, b, k, dimensions);

    /// <summary>Adds the dimensions past the last whole vector, then turns the sum into a score.</summary>
    private static float Tail<TSum>(float sum, float* a, float* b, int k, int dimensions)
        where TSum : IScoreAccumulation
    {
        for (; k < dimensions; k++)
        {
            sum = TSum.Accumulate(sum, a[k], b[k]);
        }

        return TSum.Finish(sum);
    }
}
