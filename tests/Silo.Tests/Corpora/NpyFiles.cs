using System.Text;
using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>.npy inputs for the corpus commands: float32 matrices as NumPy writes them, and files of other dtypes and shapes to refuse.</summary>
public static class NpyFiles
{
    public static string Write(string path, FloatMatrix rows)
    {
        NpyFormat.Write(path, new EmbeddingMatrix(rows.Rows, rows.Columns, rows.Values));
        return path;
    }

    /// <summary>A version 1.0 .npy with the header fields given as written and <paramref name="data"/> after it.</summary>
    public static string WriteRaw(string path, string descr, string shape, byte[] data)
    {
        var dictionary = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        var length = 10 + dictionary.Length + 1;
        var padded = length + (64 - length % 64) % 64;
        var header = new byte[padded];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = 1;
        BitConverter.TryWriteBytes(header.AsSpan(8), (ushort)(padded - 10));
        header.AsSpan(10).Fill((byte)' ');
        Encoding.ASCII.GetBytes(dictionary, header.AsSpan(10));
        header[^1] = (byte)'\n';
        File.WriteAllBytes(path, [.. header, .. data]);
        return path;
    }
}
