using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>
/// A managed array on the pinned object heap: the GC never moves it, so ONNX Runtime can read it in place as tensor
/// data without copying. Allocate once and reuse (pinned arrays are meant to live long).
/// </summary>
public sealed class PinnedBuffer<T>
    where T : unmanaged
{
    private readonly T[] _array;

    public PinnedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<T>(length, pinned: true);
    }

    public int Length => _array.Length;

    public Span<T> Span => _array;

    /// <summary>The backing array (pinned for its whole life).</summary>
    public T[] Array => _array;

    internal unsafe nint Address => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
}
