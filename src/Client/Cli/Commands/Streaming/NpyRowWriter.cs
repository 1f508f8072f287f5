using System.Runtime.InteropServices;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Streams rows into a NumPy <c>.npy</c> file (float32, format 1.0, shape [rows, columns]) whose row count is only known
/// at the end: a seekable output gets a fixed-size header rewritten with the final count; a pipe gets its rows spooled
/// to a temporary file first and copied after the header.
/// </summary>
internal sealed class NpyRowWriter : IRowWriter
{
    /// <summary>Header size reserved up front: room for any [rows, columns] shape, so the final header fits in place.</summary>
    private const int HeaderBytes = 128;

    private readonly Stream _output;
    private readonly Stream _rows;
    private readonly long _start;
    private readonly int _columns;
    private long _count;

    public NpyRowWriter(Stream output, int columns)
    {
        _output = output;
        _columns = columns;
        if (output.CanSeek)
        {
            _start = output.Position;
            _rows = output;
            output.Write(Header(0, columns));
        }
        else
        {
            var spool = Path.Combine(Path.GetTempPath(), $"simctl-{Environment.ProcessId}-{Guid.NewGuid():N}.npy.rows");
            _rows = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
    }

    public ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Columns != _columns)
        {
            throw new InvalidOperationException($"rows have {rows.Columns} columns, the .npy file {_columns}");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".npy output is written on little-endian machines only");
        }

        _rows.Write(MemoryMarshal.AsBytes(rows.Data));
        _count += rows.Rows;
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        var header = Header(_count, _columns);
        if (ReferenceEquals(_rows, _output))
        {
            var end = _output.Position;
            _output.Position = _start;
            await _output.WriteAsync(header, cancellationToken);
            _output.Position = end;
        }
        else
        {
            await _output.WriteAsync(header, cancellationToken);
            _rows.Position = 0;
            await _rows.CopyToAsync(_output, cancellationToken);
        }

        await _output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(_rows, _output))
        {
            await _rows.DisposeAsync();
        }

        await _output.DisposeAsync();
    }

    private static byte[] Header(long rows, int columns) => NpyFormat.MatrixHeader(rows, columns, HeaderBytes);
}
