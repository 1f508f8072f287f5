using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Writes an all-pairs score matrix as a float32 .npy without ever holding it: the right side is packed once, then bands
/// of left rows are scored into one of two buffers while the other band is being written, so the output streams at the
/// speed of the kernel (the bytes equal <see cref="AllPairsScores"/>' matrix).
/// </summary>
public static class StreamedScores
{
    /// <summary>Scores per band buffer (two are used): 64 MiB, so a band is hundreds of rows (whole work items for two threads) yet far below the matrix.</summary>
    private const int BandScores = 16 << 20;

    public static void WriteNpy(Stream output, SimilarityFunction function, EmbeddingMatrix left, EmbeddingMatrix right, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Columns != right.Columns)
        {
            throw new ArgumentException($"Left rows have {left.Columns} dimensions but right rows have {right.Columns}.");
        }

        output.Write(NpyFormat.MatrixHeader(left.Rows, right.Rows));
        if (left.Rows == 0 || right.Rows == 0)
        {
            return;
        }

        FiniteEmbeddings.EnsureFinite(left, "left");
        var band = (int)Math.Clamp(BandScores / right.Rows, 1, left.Rows);
        var buffers = new[] { GC.AllocateUninitializedArray<float>(band * right.Rows), GC.AllocateUninitializedArray<float>(band * right.Rows) };
        if (left.Columns == 0)
        {
            // No dimensions: every sum is empty, every score 0 (as the matrix call gives).
            Array.Clear(buffers[0]);
            for (var first = 0; first < left.Rows; first += band)
            {
                output.Write(MemoryMarshal.AsBytes(buffers[0].AsSpan(0, Math.Min(band, left.Rows - first) * right.Rows)));
            }

            return;
        }

        using var packed = PackedRows.Pack(function, right.Data, right.Columns, "right", options);
        Task? writing = null;
        var index = 0;
        try
        {
            for (var first = 0; first < left.Rows; first += band, index ^= 1)
            {
                var rows = Math.Min(band, left.Rows - first);
                var scores = buffers[index];
                AllPairsScores.Compute(left.Data.Slice(first * left.Columns, rows * left.Columns), packed, scores.AsSpan(0, rows * right.Rows), options);
                writing?.GetAwaiter().GetResult();
                var count = rows * right.Rows;
                writing = Task.Run(() => Write(output, scores, count));
            }
        }
        finally
        {
            writing?.GetAwaiter().GetResult();
        }
    }

    private static void Write(Stream output, float[] scores, int count)
    {
        var values = scores.AsSpan(0, count);
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<float, int>(values);
            BinaryPrimitives.ReverseEndianness(bits, bits);
        }

        output.Write(MemoryMarshal.AsBytes(values));
    }
}
