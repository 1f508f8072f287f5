using System.Runtime.InteropServices;
using System.Text;

namespace Similarity.Inference.OnnxRuntime.Native;

/// <summary>UTF-8, NUL-terminated strings crossing the native boundary.</summary>
internal static unsafe class Utf8
{
    public static string? Read(byte* text) => text == null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Allocates a NUL-terminated UTF-8 copy in native memory; free it with <see cref="NativeMemory.Free"/>.</summary>
    public static byte* Allocate(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        var written = Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, length));
        buffer[written] = 0;
        return buffer;
    }
}
