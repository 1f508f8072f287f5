using System.Runtime.InteropServices;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>A native <c>const char*[]</c> of UTF-8 strings (input/output names for <c>Run</c>), freed with the handle.</summary>
internal sealed unsafe class NativeStringArray : SafeHandle
{
    private readonly int _count;

    public NativeStringArray(IReadOnlyList<string> values)
        : base(0, ownsHandle: true)
    {
        _count = values.Count;
        var array = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(1, _count), (nuint)sizeof(nint));
        SetHandle((nint)array);
        for (var i = 0; i < _count; i++)
        {
            array[i] = Utf8.Allocate(values[i]);
        }
    }

    public override bool IsInvalid => handle == 0;

    public byte** Pointer => (byte**)handle;

    protected override bool ReleaseHandle()
    {
        var array = (byte**)handle;
        for (var i = 0; i < _count; i++)
        {
            NativeMemory.Free(array[i]);
        }

        NativeMemory.Free(array);
        return true;
    }
}
