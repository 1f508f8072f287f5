using System.Runtime.InteropServices;

namespace Similarity.Grains.Contracts.Values;

/// <summary>
/// How a <see cref="FloatMatrix"/> travels: its shape and its values as one little-endian byte block, which Orleans
/// copies in one go (a float array would be written value by value: 3 ms instead of 0.9 ms for 64 × 384 values).
/// </summary>
[GenerateSerializer]
public struct FloatMatrixSurrogate
{
    [Id(0)]
    public int Rows;

    [Id(1)]
    public int Columns;

    [Id(2)]
    public byte[] Bytes;

    [Id(3)]
    public long? TokenCount;
}

/// <summary>Converts <see cref="FloatMatrix"/> to and from <see cref="FloatMatrixSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class FloatMatrixSurrogateConverter : IConverter<FloatMatrix, FloatMatrixSurrogate>
{
    public FloatMatrix ConvertFromSurrogate(in FloatMatrixSurrogate surrogate)
    {
        var count = (long)surrogate.Rows * surrogate.Columns;
        if (surrogate.Rows < 0 || surrogate.Columns < 0 || surrogate.Bytes is null || surrogate.Bytes.LongLength != count * sizeof(float))
        {
            throw new InvalidDataException(
                $"A {surrogate.Rows}x{surrogate.Columns} matrix arrived with {surrogate.Bytes?.LongLength ?? 0} bytes instead of {count * sizeof(float)}.");
        }

        var values = new float[count];
        surrogate.Bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<float, int>(values.AsSpan());
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bits, bits);
        }

        return new FloatMatrix(surrogate.Rows, surrogate.Columns, values, surrogate.TokenCount);
    }

    public FloatMatrixSurrogate ConvertToSurrogate(in FloatMatrix value)
    {
        var bytes = MemoryMarshal.AsBytes(value.Values.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bits, bits);
        }

        return new FloatMatrixSurrogate { Rows = value.Rows, Columns = value.Columns, Bytes = bytes, TokenCount = value.TokenCount };
    }
}
