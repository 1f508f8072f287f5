using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Similarity.Inference.Tensors;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files holding a 1-D or 2-D array: float32 is written (format v1.0, 2-D or 1-D);
/// little-endian float32 and float64 in C order are read (a 1-D array is read as n × 1).
/// </summary>
public static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Write(string path, EmbeddingMatrix matrix)
    {
        using var stream = File.Create(path);
        Write(stream, matrix);
    }

    public static void Write(Stream stream, EmbeddingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        WriteArray(stream, MatrixShape(matrix.Rows, matrix.Columns), matrix.Data);
    }

    /// <summary>Writes a 1-D float32 array of shape (n,), e.g. one score per row.</summary>
    public static void WriteVector(string path, ReadOnlySpan<float> values)
    {
        using var stream = File.Create(path);
        WriteVector(stream, values);
    }

    /// <summary>Writes a 1-D float32 array of shape (n,), e.g. one score per row.</summary>
    public static void WriteVector(Stream stream, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(stream);
        WriteArray(stream, string.Create(CultureInfo.InvariantCulture, $"({values.Length},)"), values);
    }

    /// <summary>
    /// The header of a float32 [rows, columns] array, at least <paramref name="minimumLength"/> bytes long: a writer that
    /// learns the row count only at the end reserves a fixed length and rewrites the header in place.
    /// </summary>
    public static byte[] MatrixHeader(long rows, int columns, int minimumLength = 0) => Header(MatrixShape(rows, columns), minimumLength);

    private static string MatrixShape(long rows, int columns) => string.Create(CultureInfo.InvariantCulture, $"({rows}, {columns})");

    private static byte[] Header(string shape, int minimumLength)
    {
        var dictionary = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";

        // Magic (6) + version (2) + header length (2) + dictionary, padded with spaces and ended by '\n' to a multiple of 64.
        const int preamble = 10;
        var length = Math.Max(preamble + dictionary.Length + 1, minimumLength);
        length += (64 - length % 64) % 64;
        var header = new byte[length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)(length - preamble)));
        var text = header.AsSpan(preamble);
        text.Fill((byte)' ');
        Encoding.ASCII.GetBytes(dictionary, text);
        text[^1] = (byte)'\n';
        return header;
    }

    private static void WriteArray(Stream stream, string shape, ReadOnlySpan<float> values)
    {
        stream.Write(Header(shape, 0));
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        }
        else
        {
            Span<byte> value = stackalloc byte[4];
            foreach (var x in values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(value, x);
                stream.Write(value);
            }
        }
    }

    public static EmbeddingMatrix Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such .npy file: {path}", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static EmbeddingMatrix Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> preamble = stackalloc byte[8];
        ReadExactly(stream, preamble, "the magic string");
        if (!preamble[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a NumPy .npy file (bad magic string).");
        }

        var major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> length = stackalloc byte[2];
            ReadExactly(stream, length, "the header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(length);
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            ReadExactly(stream, length, "the header length");
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(length));
        }
        else
        {
            throw new InvalidDataException($"unsupported .npy format version {major}.");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, "the header");
        var header = Encoding.UTF8.GetString(headerBytes);

        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"malformed .npy header: {header.Trim()}");
        }

        if (fortran.Groups[1].Value == "True")
        {
            throw new InvalidDataException("Fortran-ordered arrays are not supported; save with np.ascontiguousarray.");
        }

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        var (rows, columns) = dims.Length switch
        {
            1 => (dims[0], 1L),
            2 => (dims[0], dims[1]),
            _ => throw new InvalidDataException($"expected a 1-D or 2-D array, got shape ({shape.Groups[1].Value})."),
        };
        if (rows * columns > int.MaxValue)
        {
            throw new InvalidDataException($"array of shape ({rows}, {columns}) is too large.");
        }

        var matrix = new EmbeddingMatrix((int)rows, (int)columns);
        var values = matrix.Data;
        switch (descr.Groups[1].Value)
        {
            case "<f4":
                ReadExactly(stream, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values), "the data");
                if (!BitConverter.IsLittleEndian)
                {
                    var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(values);
                    BinaryPrimitives.ReverseEndianness(ints, ints);
                }

                break;
            case "<f8":
                var buffer = new byte[8 * 4096];
                for (var offset = 0; offset < values.Length; offset += 4096)
                {
                    var count = Math.Min(4096, values.Length - offset);
                    ReadExactly(stream, buffer.AsSpan(0, count * 8), "the data");
                    for (var i = 0; i < count; i++)
                    {
                        values[offset + i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(i * 8));
                    }
                }

                break;
            default:
                throw new InvalidDataException($"unsupported dtype '{descr.Groups[1].Value}'; expected little-endian float32 ('<f4') or float64 ('<f8').");
        }

        return matrix;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"file ends inside {what}.");
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
