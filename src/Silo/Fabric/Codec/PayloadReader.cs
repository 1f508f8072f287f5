using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Similarity.Silo.Fabric.Codec;

/// <summary>Reads payload fields with bounds checks; every failure names the field and the byte offset.</summary>
public ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly int Remaining => _payload.Length - _position;

    /// <summary>The kind of a payload, after checking its version; does not move a reader.</summary>
    public static PayloadKind PeekKind(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        return reader.ReadHeader();
    }

    public PayloadKind ReadHeader()
    {
        if (_payload.Length < PayloadFormat.HeaderLength)
        {
            throw new PayloadFormatException($"payload of {_payload.Length} bytes is too short for a header");
        }

        if (_payload[0] != PayloadFormat.Version)
        {
            throw new PayloadFormatException($"unsupported payload version {_payload[0]}; this build reads version {PayloadFormat.Version}");
        }

        var kind = (PayloadKind)_payload[1];
        if (!Enum.IsDefined(kind))
        {
            throw new PayloadFormatException($"unknown payload kind {_payload[1]}");
        }

        _position = PayloadFormat.HeaderLength;
        return kind;
    }

    public void ExpectHeader(PayloadKind expected)
    {
        var kind = ReadHeader();
        if (kind != expected)
        {
            throw new PayloadFormatException($"expected a {expected} payload, got {kind}");
        }
    }

    public byte ReadByte(string what)
    {
        Require(1, what);
        return _payload[_position++];
    }

    public uint ReadVarUInt(string what)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            Require(1, what);
            var b = _payload[_position++];
            if (shift == 28 && b > 0x0F)
            {
                throw new PayloadFormatException($"{what} at byte {_position - 1} overflows 32 bits");
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new PayloadFormatException($"{what} at byte {_position} overflows 32 bits");
    }

    /// <summary>A count of items that each take at least <paramref name="minBytesEach"/> bytes, checked against what is left.</summary>
    public int ReadCount(string what, int minBytesEach)
    {
        var start = _position;
        var count = ReadVarUInt(what);
        if ((ulong)count * (ulong)minBytesEach > (ulong)Remaining)
        {
            throw new PayloadFormatException($"{what} {count} at byte {start} does not fit in the {Remaining} bytes that follow");
        }

        return (int)count;
    }

    /// <summary>Reads a length-prefixed text, strictly: invalid UTF-8 is an error naming <paramref name="what"/> and the offset.</summary>
    public string ReadText(string what, int index = -1)
    {
        var length = (int)Math.Min(ReadVarUInt(what), int.MaxValue);
        if (length > Remaining)
        {
            throw new PayloadFormatException(
                $"payload ends inside {PayloadWriter.Name(what, index)}: needs {length} bytes at byte {_position}, {Remaining} left");
        }

        var bytes = _payload.Slice(_position, length);
        if (!Utf8.IsValid(bytes))
        {
            throw new PayloadFormatException($"{PayloadWriter.Name(what, index)} is not valid UTF-8 (at byte {InvalidUtf8Offset(bytes)} of the text)");
        }

        _position += length;
        return Encoding.UTF8.GetString(bytes);
    }

    public void ReadFloats(Span<float> destination, string what)
    {
        var byteCount = checked(destination.Length * sizeof(float));
        Require(byteCount, what);
        var bytes = _payload.Slice(_position, byteCount);
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(destination));
        }
        else
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
            }
        }

        _position += byteCount;
    }

    public readonly void ExpectEnd(string what)
    {
        if (Remaining != 0)
        {
            throw new PayloadFormatException($"{Remaining} unexpected bytes after the {what} at byte {_position}");
        }
    }

    private readonly void Require(int count, string what)
    {
        if (count < 0 || Remaining < count)
        {
            throw new PayloadFormatException($"payload ends inside {what}: needs {count} bytes at byte {_position}, {Remaining} left");
        }
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[256];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
            {
                return offset;
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return offset;
    }
}
