using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Similarity.Cli.Commands.Corpus.Sources;

/// <summary>
/// Where the rows of a float32 2-D <c>.npy</c> file are: its shape and the offset of its data. Anything else (another
/// dtype, big-endian, Fortran order, one or three dimensions) is refused naming the file and what it holds: a corpus
/// takes exactly the rows it is given, converted by nobody.
/// </summary>
internal sealed record NpyLayout(long Rows, int Columns, long DataOffset)
{
    public long RowOffset(long row) => DataOffset + row * Columns * sizeof(float);

    public static NpyLayout Read(Stream file, string path)
    {
        Span<byte> preamble = stackalloc byte[10];
        if (file.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false) < preamble.Length
            || preamble[0] != 0x93 || !preamble[1..6].SequenceEqual("NUMPY"u8))
        {
            throw new CliException($"{path} is not a .npy file (no NumPy magic string)");
        }

        int headerLength;
        var preambleLength = 10;
        if (preamble[6] == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..]);
        }
        else if (preamble[6] is 2 or 3)
        {
            Span<byte> longer = stackalloc byte[2];
            file.ReadExactly(longer);
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian([preamble[8], preamble[9], longer[0], longer[1]]));
            preambleLength = 12;
        }
        else
        {
            throw new CliException($"{path}: unsupported .npy format version {preamble[6]}");
        }

        var header = new byte[headerLength];
        if (file.ReadAtLeast(header, headerLength, throwOnEndOfStream: false) < headerLength)
        {
            throw new CliException($"{path} ends inside its .npy header");
        }

        var text = Encoding.Latin1.GetString(header);
        var dtype = Field(text, "descr", path);
        var shape = Field(text, "shape", path);
        var dimensions = shape.Trim('(', ')', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dtype is not "'<f4'" || dimensions.Length != 2)
        {
            throw new CliException($"{path} is not a float32 2-D .npy (dtype {dtype}, shape {shape}): save it with arr.astype('<f4') as [rows, dimension]");
        }

        if (Field(text, "fortran_order", path) != "False")
        {
            throw new CliException($"{path} is in Fortran order; save it with np.ascontiguousarray");
        }

        if (!long.TryParse(dimensions[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            || !int.TryParse(dimensions[1], NumberStyles.None, CultureInfo.InvariantCulture, out var columns))
        {
            throw new CliException($"{path}: the shape {shape} is not two whole numbers");
        }

        var layout = new NpyLayout(rows, columns, preambleLength + headerLength);
        if (file.Length < layout.RowOffset(rows))
        {
            throw new CliException($"{path} ends before its {rows} x {columns} values: the file is truncated");
        }

        return layout;
    }

    /// <summary>The value of <paramref name="key"/> in the header's dictionary literal, as written (a quoted string, a tuple, True/False).</summary>
    private static string Field(string header, string key, string path)
    {
        var at = header.IndexOf($"'{key}'", StringComparison.Ordinal);
        var colon = at < 0 ? -1 : header.IndexOf(':', at);
        if (colon < 0)
        {
            throw new CliException($"{path}: the .npy header has no '{key}'");
        }

        var value = header.AsSpan(colon + 1).TrimStart();
        var end = value.Length > 0 && value[0] == '(' ? value.IndexOf(')') + 1 : value.IndexOfAny(',', '}');
        return (end > 0 ? value[..end] : value).Trim().ToString();
    }
}
