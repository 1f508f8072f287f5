using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Similarity.Inference.Tests.Models.SafeTensors;

/// <summary>Writes small safetensors files for tests (F32, F16 or BF16 from float values).</summary>
internal static class SafeTensorsWriter
{
    public static byte[] Build(params (string Name, string DataType, long[] Shape, float[] Values)[] tensors)
    {
        var header = new Dictionary<string, object>();
        using var data = new MemoryStream();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var (name, dataType, shape, values) in tensors)
        {
            var begin = data.Length;
            foreach (var value in values)
            {
                switch (dataType)
                {
                    case "F32":
                        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
                        data.Write(bytes[..4]);
                        break;
                    case "F16":
                        BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)value);
                        data.Write(bytes[..2]);
                        break;
                    case "BF16":
                        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(BitConverter.SingleToInt32Bits(value) >> 16));
                        data.Write(bytes[..2]);
                        break;
                    default:
                        throw new ArgumentException(dataType);
                }
            }

            header[name] = new { dtype = dataType, shape, data_offsets = new[] { begin, data.Length } };
        }

        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var result = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)json.Length);
        json.CopyTo(result, 8);
        data.ToArray().CopyTo(result, 8 + json.Length);
        return result;
    }
}
