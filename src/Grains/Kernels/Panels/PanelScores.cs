using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Similarity.Grains.Kernels.Accumulations;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Panels;

/// <summary>
/// Scores a rectangle of left rows × right rows from packed panels, micro-tile by micro-tile: the left panel stays in
/// L1 while the right panels of the rectangle (sized by the caller to stay in L2) pass under it. Partial tiles at the
/// edges are computed whole into a scratch tile and clipped, so they get exactly the arithmetic of full ones.
/// </summary>
internal static unsafe class PanelScores
{
    /// <summary>Rows per left panel.</summary>
    public const int LeftWidth = MicroTile.Rows;

    /// <summary>The most rows a right panel has: two 512-bit registers of floats.</summary>
    private const int WidestRightWidth = 2 * 16;

    /// <summary>Rows per right panel: two registers of the widest accelerated vector (32, 16 or 8).</summary>
    public static int RightWidth { get; } =
        2 * (Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256.IsHardwareAccelerated ? Vector256<float>.Count : Vector128<float>.Count);

    /// <summary>
    /// <c>destination[r * stride + c] = score(left row r, right row firstColumn + c)</c> for <c>r &lt; rows</c>, <c>c &lt; columns</c>.
    /// <paramref name="left"/> starts at a left panel holding row 0; <paramref name="right"/> is the first right panel (row 0),
    /// so any column range can be asked for.
    /// </summary>
    public static void Compute(
        ScoreKernel kernel, float* left, int rows, float* right, int firstColumn, int columns, int dimensions, float* destination, nint stride)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Compute<Lanes512, Vector512<float>>(kernel, left, rows, right, firstColumn, columns, dimensions, destination, stride);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Compute<Lanes256, Vector256<float>>(kernel, left, rows, right, firstColumn, columns, dimensions, destination, stride);
        }
        else
        {
            Compute<Lanes128, Vector128<float>>(kernel, left, rows, right, firstColumn, columns, dimensions, destination, stride);
        }
    }

    private static void Compute<TLanes, TVector>(
        ScoreKernel kernel, float* left, int rows, float* right, int firstColumn, int columns, int dimensions, float* destination, nint stride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
    {
        switch (kernel)
        {
            case ScoreKernel.Dot:
                Compute<TLanes, TVector, DotAccumulation>(left, rows, right, firstColumn, columns, dimensions, destination, stride);
                break;
            case ScoreKernel.NegatedManhattan:
                Compute<TLanes, TVector, ManhattanAccumulation>(left, rows, right, firstColumn, columns, dimensions, destination, stride);
                break;
            case ScoreKernel.NegatedEuclidean:
                Compute<TLanes, TVector, EuclideanAccumulation>(left, rows, right, firstColumn, columns, dimensions, destination, stride);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compute<TLanes, TVector, TSum>(
        float* left, int rows, float* right, int firstColumn, int columns, int dimensions, float* destination, nint stride)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged
        where TSum : IScoreAccumulation
    {
        var width = 2 * TLanes.Count;
        var scratch = stackalloc float[LeftWidth * WidestRightWidth];
        nint leftPanel = (nint)LeftWidth * dimensions;
        nint rightPanel = (nint)width * dimensions;
        var firstPanel = firstColumn / width;
        var endPanel = (firstColumn + columns + width - 1) / width;
        for (var r0 = 0; r0 < rows; r0 += LeftWidth)
        {
            var a = left + r0 / LeftWidth * leftPanel;
            var height = Math.Min(LeftWidth, rows - r0);
            var row = destination + r0 * stride;
            for (var panel = firstPanel; panel < endPanel; panel++)
            {
                var b = right + panel * rightPanel;
                var c0 = panel * width - firstColumn;
                if (height == LeftWidth && c0 >= 0 && c0 + width <= columns)
                {
                    MicroTile.Compute<TLanes, TVector, TSum>(a, b, dimensions, row + c0, stride);
                    continue;
                }

                MicroTile.Compute<TLanes, TVector, TSum>(a, b, dimensions, scratch, width);
                Clip(scratch, width, height, Math.Max(0, -c0), Math.Min(width, columns - c0), row + c0, stride);
            }
        }
    }

    /// <summary>Copies rows <c>[0, height)</c>, columns <c>[from, to)</c> of a scratch tile to the destination (same column numbering).</summary>
    private static void Clip(float* scratch, int width, int height, int from, int to, float* destination, nint stride)
    {
        for (var r = 0; r < height; r++)
        {
            new ReadOnlySpan<float>(scratch + r * width + from, to - from).CopyTo(new Span<float>(destination + r * stride + from, to - from));
        }
    }
}
