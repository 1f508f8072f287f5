using System.Buffers;
using System.Runtime.InteropServices;
using Similarity.Grains.Kernels.Panels;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Rows made ready once for repeated all-pairs calls (a corpus or shard scored band after band): checked for NaN/∞,
/// scaled to unit length for cosine, and laid out in the micro-tiles' panels, from float32 or float16 (<see cref="Half"/>) rows.
/// Holds pooled, pinned memory until disposed.
/// </summary>
public sealed unsafe class PackedRows : IDisposable
{
    private float[]? _panels;
    private GCHandle _pin;

    private PackedRows(SimilarityFunction function, int count, int dimensions, float[] panels)
    {
        Function = function;
        Count = count;
        Dimensions = dimensions;
        _panels = panels;
        _pin = GCHandle.Alloc(panels, GCHandleType.Pinned);
        Panels = (float*)_pin.AddrOfPinnedObject();
    }

    public SimilarityFunction Function { get; }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>The first panel (pinned), in panels of <see cref="PanelScores.RightWidth"/> rows.</summary>
    internal float* Panels { get; }

    internal ScoreKernel Kernel => Function.Kernel();

    /// <summary>Packs <paramref name="rows"/> (row-major, <paramref name="dimensions"/> values a row) for <paramref name="function"/>.</summary>
    public static PackedRows Pack(SimilarityFunction function, ReadOnlySpan<float> rows, int dimensions, string input = "rows", KernelOptions? options = null) =>
        Pack<float>(function, rows, dimensions, input, options);

    /// <summary>Packs float16 rows: each value widens exactly to float32, and scoring is float32 as for any other rows.</summary>
    public static PackedRows Pack(SimilarityFunction function, ReadOnlySpan<Half> rows, int dimensions, string input = "rows", KernelOptions? options = null) =>
        Pack<Half>(function, rows, dimensions, input, options);

    internal static PackedRows Pack<T>(SimilarityFunction function, ReadOnlySpan<T> rows, int dimensions, string input, KernelOptions? options)
        where T : unmanaged
    {
        options ??= KernelOptions.Default;
        options.Validate();
        _ = function.Kernel();
        var count = RowCount(rows.Length, dimensions, input);
        FiniteEmbeddings.EnsureFinite(rows, dimensions, input);
        var panels = ArrayPool<float>.Shared.Rent((int)Math.Max(1, PanelPacker.Length(count, PanelScores.RightWidth, dimensions)));
        fixed (T* source = rows)
        {
            PanelPacker.Pack(source, count, dimensions, PanelScores.RightWidth, function == SimilarityFunction.Cosine, panels, options);
        }

        return new PackedRows(function, count, dimensions, panels);
    }

    /// <summary>Whole rows of <paramref name="dimensions"/> in <paramref name="length"/> values, or an error naming the input.</summary>
    internal static int RowCount(int length, int dimensions, string input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (length % dimensions != 0)
        {
            throw new ArgumentException($"{input}: {length} values are not whole rows of {dimensions}.");
        }

        return length / dimensions;
    }

    public void Dispose()
    {
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }

        if (_panels is not null)
        {
            ArrayPool<float>.Shared.Return(_panels);
            _panels = null;
        }
    }
}
