using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Similarity.Silo.Fabric.Codec;

/// <summary>Writes payload fields straight into a caller's buffer writer; no intermediate arrays.</summary>
public readonly ref struct PayloadWriter(IBufferWriter<byte> output)
{
    private const int MaxVarUIntLength = 5;

    public void WriteHeader(PayloadKind kind)
    {
        var span = output.GetSpan(PayloadFormat.HeaderLength);
        span[0] = PayloadFormat.Version;
        span[1] = (byte)kind;
        output.Advance(PayloadFormat.HeaderLength);
    }

    public void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    public void WriteVarUInt(uint value)
    {
        var span = output.GetSpan(MaxVarUIntLength);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        output.Advance(length);
    }

    /// <summary>Writes a length-prefixed UTF-8 text. A string with a lone surrogate (not valid Unicode) is refused, not patched.</summary>
    public void WriteText(string text, string what, int index = -1)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        WriteVarUInt((uint)byteCount);
        var span = output.GetSpan(byteCount);
        var status = Utf8.FromUtf16(text, span, out var charsRead, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done || written != byteCount)
        {
            throw new PayloadFormatException($"{Name(what, index)} is not valid Unicode: lone surrogate at character {charsRead}");
        }

        output.Advance(byteCount);
    }

    public void WriteFloats(ReadOnlySpan<float> values)
    {
        var byteCount = checked(values.Length * sizeof(float));
        var span = output.GetSpan(byteCount)[..byteCount];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(span);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[(i * sizeof(float))..], values[i]);
            }
        }

        output.Advance(byteCount);
    }

    internal static string Name(string what, int index) => index < 0 ? what : $"{what} {index}";

    /// <summary>Bytes a varint takes, for sizing requests before writing them.</summary>
    public static int VarUIntLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }
}
