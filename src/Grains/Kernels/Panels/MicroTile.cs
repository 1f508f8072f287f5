using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels.Accumulations;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Panels;

/// <summary>
/// The register-blocked core: six left rows × two vectors of right rows, twelve accumulators that never leave registers.
/// Each step over a dimension loads two vectors of right values and broadcasts six left values, so every load feeds
/// six (or two) lanes of work. Every score is summed over the dimensions in order, one pair per lane, which is why a
/// score does not depend on the tile it falls in, the register width, or the side it came from.
/// </summary>
internal static unsafe class MicroTile
{
    /// <summary>Left rows per tile (and per left panel).</summary>
    public const int Rows = 6;

    /// <summary>
    /// <c>destination[r * stride + c] = score(left row r, right row c)</c> for the <see cref="Rows"/> rows of a left panel and the
    /// <c>2 · TLanes.Count</c> rows of a right panel, both packed dimension by dimension (<see cref="PanelPacker"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Compute<TLanes, TVector, TSum>(float* left, float* right, int dimensions, float* destination, nint stride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s10 = TLanes.Zero, s11 = TLanes.Zero, s20 = TLanes.Zero, s21 = TLanes.Zero;
        TVector s30 = TLanes.Zero, s31 = TLanes.Zero, s40 = TLanes.Zero, s41 = TLanes.Zero, s50 = TLanes.Zero, s51 = TLanes.Zero;
        for (var k = 0; k < dimensions; k++)
        {
            var y0 = TLanes.Load(right);
            var y1 = TLanes.Load(right + TLanes.Count);
            var x = TLanes.Broadcast(left);
            s00 = TSum.Accumulate<TLanes, TVector>(s00, x, y0);
            s01 = TSum.Accumulate<TLanes, TVector>(s01, x, y1);
            x = TLanes.Broadcast(left + 1);
            s10 = TSum.Accumulate<TLanes, TVector>(s10, x, y0);
            s11 = TSum.Accumulate<TLanes, TVector>(s11, x, y1);
            x = TLanes.Broadcast(left + 2);
            s20 = TSum.Accumulate<TLanes, TVector>(s20, x, y0);
            s21 = TSum.Accumulate<TLanes, TVector>(s21, x, y1);
            x = TLanes.Broadcast(left + 3);
            s30 = TSum.Accumulate<TLanes, TVector>(s30, x, y0);
            s31 = TSum.Accumulate<TLanes, TVector>(s31, x, y1);
            x = TLanes.Broadcast(left + 4);
            s40 = TSum.Accumulate<TLanes, TVector>(s40, x, y0);
            s41 = TSum.Accumulate<TLanes, TVector>(s41, x, y1);
            x = TLanes.Broadcast(left + 5);
            s50 = TSum.Accumulate<TLanes, TVector>(s50, x, y0);
            s51 = TSum.Accumulate<TLanes, TVector>(s51, x, y1);
            left += Rows;
            right += 2 * TLanes.Count;
        }

        Store<TLanes, TVector, TSum>(s00, s01, destination);
        Store<TLanes, TVector, TSum>(s10, s11, destination + stride);
        Store<TLanes, TVector, TSum>(s20, s21, destination + 2 * stride);
        Store<TLanes, TVector, TSum>(s30, s31, destination + 3 * stride);
        Store<TLanes, TVector, TSum>(s40, s41, destination + 4 * stride);
        Store<TLanes, TVector, TSum>(s50, s51, destination + 5 * stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLanes, TVector, TSum>(TVector first, TVector second, float* destination)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        TLanes.Store(TSum.Finish<TLanes, TVector>(first), destination);
        TLanes.Store(TSum.Finish<TLanes, TVector>(second), destination + TLanes.Count);
    }
}
