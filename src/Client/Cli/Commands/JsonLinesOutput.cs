using System.Text.Json;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands;

/// <summary>Writes one compact JSON object per line to a file or stdout: easy to stream, grep and load.</summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private readonly Stream _stream;
    private readonly BufferedStream _buffer;
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
        _buffer = new BufferedStream(_stream, 1 << 16);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The writer for the current line; call <see cref="EndLine"/> after the object is complete.</summary>
    public Utf8JsonWriter Line => _writer;

    public void EndLine()
    {
        _writer.Flush();
        _buffer.WriteByte((byte)'\n');
        _writer.Reset(_buffer);
    }

    /// <summary>Sends every complete line written so far to the output.</summary>
    public void Flush()
    {
        _buffer.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Flush();
        _buffer.Dispose();
        _stream.Dispose();
    }
}
