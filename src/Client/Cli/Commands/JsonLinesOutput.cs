using System.Buffers;
using System.Text.Json;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands;

/// <summary>
/// Writes one compact JSON object per line to a file or stdout: easy to stream, grep and load. Lines are formatted
/// straight into one buffer, which goes to the output whenever it holds 64 KiB.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private const int FlushBytes = 1 << 16;
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes * 2);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Writes to the file at <paramref name="path"/>, or to stdout when it is null or <c>-</c>.</summary>
    public JsonLinesOutput(string? path)
        : this(CommandOutput.OpenStream(path))
    {
    }

    /// <summary>Writes to <paramref name="stream"/>, which it disposes.</summary>
    public JsonLinesOutput(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The writer for the current line; call <see cref="EndLine"/> after the object is complete.</summary>
    public Utf8JsonWriter Line => _writer;

    public void EndLine()
    {
        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _writer.Reset();
        if (_buffer.WrittenCount >= FlushBytes)
        {
            WriteBuffer();
        }
    }

    /// <summary>Sends every complete line written so far to the output.</summary>
    public void Flush()
    {
        WriteBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        WriteBuffer();
        _stream.Dispose();
    }

    private void WriteBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
