using System.Buffers.Binary;

namespace Similarity.Inference.Models.SafeTensors;

/// <summary>One named tensor of a safetensors file: its dtype, shape and raw little-endian bytes.</summary>
public sealed class SafeTensor
{
    internal SafeTensor(string name, string dataType, long[] shape, ReadOnlyMemory<byte> bytes)
    {
        Name = name;
        DataType = dataType;
        Shape = shape;
        Bytes = bytes;
    }

    public string Name { get; }

    /// <summary>The safetensors dtype tag: F32, F16, BF16, F64, I64, ...</summary>
    public string DataType { get; }

    public IReadOnlyList<long> Shape { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dimension in Shape)
            {
                count *= dimension;
            }

            return count;
        }
    }

    /// <summary>The values as float32: F32 as stored, F16/BF16/F64 converted.</summary>
    public float[] ToSingles()
    {
        var bytes = Bytes.Span;
        var result = new float[ElementCount];
        switch (DataType)
        {
            case "F32":
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }

                break;
            case "F16":
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                }

                break;
            case "BF16":
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16);
                }

                break;
            case "F64":
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
                }

                break;
            default:
                throw new InvalidDataException($"Tensor '{Name}' has dtype {DataType}, which cannot be read as float32.");
        }

        return result;
    }

    internal static int ElementSize(string dataType) => dataType switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };
}
