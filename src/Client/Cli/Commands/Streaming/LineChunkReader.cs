using Similarity.Cli.IO;
using Similarity.Grains.Datasets;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Reads a command's input (a file, or stdin) as strictly decoded UTF-8 lines, a chunk at a time, so that large inputs
/// stream through a model in bounded memory. Every line is an item, empty ones included; a newline at the very end of
/// the input does not start another (empty) line; a CR before the LF is dropped.
/// </summary>
internal sealed class LineChunkReader : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8LineReader _lines;

    public LineChunkReader(string? path)
    {
        _stream = CommandInput.OpenStream(path);
        Name = CommandInput.DisplayName(path);
        Length = _stream.CanSeek ? _stream.Length : null;
        _lines = new Utf8LineReader(_stream, Name);
    }

    /// <summary>How the input is named in messages: its path, or stdin.</summary>
    public string Name { get; }

    /// <summary>Bytes in the input when known (a file), for progress.</summary>
    public long? Length { get; }

    /// <summary>Bytes read so far (a little ahead of the lines returned).</summary>
    public long Position => _stream.CanSeek ? _stream.Position : 0;

    /// <summary>
    /// Fills <paramref name="chunk"/> (cleared first) with up to <paramref name="size"/> items made by
    /// <paramref name="parse"/> from each line and its number; false when the input had no more lines.
    /// </summary>
    public bool TryReadChunk<T>(List<T> chunk, int size, Func<string, int, T> parse)
    {
        chunk.Clear();
        while (chunk.Count < size && CommandInput.TryReadLine(_lines, out var line))
        {
            chunk.Add(parse(line, _lines.LineNumber));
        }

        return chunk.Count > 0;
    }

    public void Dispose() => _lines.Dispose();
}
