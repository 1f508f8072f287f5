using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Similarity.Grains.Kernels.Panels;

/// <summary>
/// Lays rows out for the micro-tiles: panels of <c>width</c> rows, stored dimension by dimension
/// (<c>panel[k * width + r]</c> = row r's value k), the last panel padded with zero rows. Reads float32 or float16 rows
/// (float16 widens exactly); for cosine each row is scaled to unit length in float64 and rounded once, as
/// <see cref="UnitRows"/> does, so both sides of a pair see bit-identical values whichever side packed them.
/// </summary>
internal static unsafe class PanelPacker
{
    /// <summary>Rows one packing task takes when a whole side is packed in parallel: whole panels of every width (6, 8, 16, 32).</summary>
    private const int RowsPerTask = 21 * 96;

    /// <summary>Floats that <paramref name="rows"/> rows take in panels of <paramref name="width"/>.</summary>
    public static long Length(int rows, int width, int dimensions) => (long)(rows + width - 1) / width * width * dimensions;

    /// <summary>Packs all <paramref name="count"/> rows at <paramref name="rows"/> into <paramref name="destination"/>, in parallel as <paramref name="options"/> allow.</summary>
    public static void Pack<T>(T* rows, int count, int dimensions, int width, bool unit, Span<float> destination, KernelOptions options)
        where T : unmanaged
    {
        EnsureRoom(destination, count, width, dimensions);

        // Tasks start on panel boundaries, so none shares a panel and each writes where its first row's panel begins.
        fixed (float* target = destination)
        {
            KernelParallel.For((count + RowsPerTask - 1) / RowsPerTask, options, new PackTask<T>(rows, count, dimensions, width, unit, target));
        }
    }

    /// <summary>Packs rows <c>[first, first + count)</c> of <paramref name="rows"/>, block after block; <paramref name="destination"/> starts at the first panel.</summary>
    public static void Pack(BlockRows rows, int first, int count, int width, bool unit, Span<float> destination)
    {
        var d = rows.Dimensions;
        EnsureRoom(destination, count, width, d);
        float[]? rented = null;
        var scratch = d <= 1024 ? stackalloc float[2 * d] : (rented = ArrayPool<float>.Shared.Rent(2 * d));
        try
        {
            var block = count == 0 ? 0 : rows.BlockOf(first);
            for (var at = 0; at < count; block++)
            {
                var from = first + at - rows.BlockStart(block);
                var take = Math.Min(count - at, rows.BlockStart(block + 1) - (first + at));
                if (rows.IsHalf)
                {
                    PackRun(rows.Halves(block).Slice(from * d, take * d), d, at, width, unit, destination, scratch);
                }
                else
                {
                    PackRun(rows.Singles(block).Slice(from * d, take * d), d, at, width, unit, destination, scratch);
                }

                at += take;
            }
        }
        finally
        {
            Return(rented);
        }

        PadLastPanel(count, width, d, destination);
    }

    /// <summary>Packs all rows of <paramref name="rows"/> into <paramref name="destination"/>, in parallel as <paramref name="options"/> allow.</summary>
    public static void Pack(BlockRows rows, int width, bool unit, Span<float> destination, KernelOptions options)
    {
        EnsureRoom(destination, rows.Count, width, rows.Dimensions);
        fixed (float* target = destination)
        {
            KernelParallel.For((rows.Count + RowsPerTask - 1) / RowsPerTask, options, new BlockPackTask(rows, width, unit, target));
        }
    }

    /// <summary>Packs rows <c>[first, first + count)</c> of <paramref name="rows"/>; <paramref name="destination"/> starts at the first panel.</summary>
    private static void Pack<T>(ReadOnlySpan<T> rows, int dimensions, int first, int count, int width, bool unit, Span<float> destination)
        where T : unmanaged
    {
        EnsureRoom(destination, count, width, dimensions);
        float[]? rented = null;
        var scratch = dimensions <= 1024 ? stackalloc float[2 * dimensions] : (rented = ArrayPool<float>.Shared.Rent(2 * dimensions));
        try
        {
            PackRun(rows.Slice(first * dimensions, count * dimensions), dimensions, 0, width, unit, destination, scratch);
        }
        finally
        {
            Return(rented);
        }

        PadLastPanel(count, width, dimensions, destination);
    }

    private static void Return(float[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Packs the rows of <paramref name="run"/> as rows <paramref name="at"/>, <paramref name="at"/> + 1, ... of <paramref name="destination"/>'s panels.</summary>
    private static void PackRun<T>(ReadOnlySpan<T> run, int dimensions, int at, int width, bool unit, Span<float> destination, Span<float> scratch)
        where T : unmanaged
    {
        var widened = scratch[..dimensions];
        var scaled = scratch.Slice(dimensions, dimensions);
        var count = dimensions == 0 ? 0 : run.Length / dimensions;
        for (var r = 0; r < count; r++)
        {
            var source = run.Slice(r * dimensions, dimensions);
            scoped ReadOnlySpan<float> row;
            if (typeof(T) == typeof(Half))
            {
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<T, Half>(source), widened);
                row = widened;
            }
            else
            {
                row = MemoryMarshal.Cast<T, float>(source);
            }

            if (unit)
            {
                UnitRows.Scale(row, 1.0 / Math.Max(PreciseScores.Norm(row), PreciseScores.MinimumNorm), scaled);
                row = scaled;
            }

            var target = at + r;
            Scatter(row, destination.Slice((int)((long)(target / width) * width * dimensions)), width, target % width);
        }
    }

    /// <summary>Zero rows fill the last panel, so its tiles compute like full ones (their scores are never read).</summary>
    private static void PadLastPanel(int count, int width, int dimensions, Span<float> destination)
    {
        for (var r = count; r % width != 0; r++)
        {
            ScatterZeros(destination.Slice((int)((long)(r / width) * width * dimensions)), width, r % width, dimensions);
        }
    }

    private static void EnsureRoom(Span<float> destination, int count, int width, int dimensions)
    {
        var length = Length(count, width, dimensions);
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {length} needed.", nameof(destination));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(ReadOnlySpan<float> row, Span<float> panel, int width, int lane)
    {
        for (var k = 0; k < row.Length; k++)
        {
            panel[k * width + lane] = row[k];
        }
    }

    private static void ScatterZeros(Span<float> panel, int width, int lane, int dimensions)
    {
        for (var k = 0; k < dimensions; k++)
        {
            panel[k * width + lane] = 0;
        }
    }

    /// <summary>Packs <see cref="RowsPerTask"/> rows of a <see cref="BlockRows"/> (the last task fewer).</summary>
    private readonly struct BlockPackTask(BlockRows rows, int width, bool unit, float* destination) : IKernelWork
    {
        public void Run(int item)
        {
            var first = item * RowsPerTask;
            var rowsHere = Math.Min(RowsPerTask, rows.Count - first);
            Pack(rows, first, rowsHere, width, unit, new Span<float>(destination + (long)first * rows.Dimensions, (int)Length(rowsHere, width, rows.Dimensions)));
        }
    }

    /// <summary>Packs <see cref="RowsPerTask"/> rows (the last task fewer).</summary>
    private readonly struct PackTask<T>(T* rows, int count, int dimensions, int width, bool unit, float* destination) : IKernelWork
        where T : unmanaged
    {
        public void Run(int item)
        {
            var first = item * RowsPerTask;
            var rowsHere = Math.Min(RowsPerTask, count - first);
            Pack(
                new ReadOnlySpan<T>(rows, count * dimensions),
                dimensions,
                first,
                rowsHere,
                width,
                unit,
                new Span<float>(destination + (long)first * dimensions, (int)Length(rowsHere, width, dimensions)));
        }
    }
}
