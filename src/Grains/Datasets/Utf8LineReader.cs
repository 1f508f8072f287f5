using System.Buffers;
using System.Text;

namespace Similarity.Grains.Datasets;

/// <summary>
/// Splits a stream into lines at the byte level and decodes each line strictly as UTF-8, so an invalid byte is reported
/// at its own line (a decoding StreamReader reads ahead and would blame an earlier line). LF or CRLF end a line;
/// a leading BOM is skipped.
/// </summary>
public sealed class Utf8LineReader : IDisposable
{
    /// <summary>Longest line accepted; a file without line breaks must not exhaust memory.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _displayName;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    public Utf8LineReader(Stream stream, string displayName)
    {
        _stream = stream;
        _displayName = displayName;
        _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    public bool TryReadLine(out string line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Decode(_buffer.AsSpan(_start, newline));
                _start += newline + 1;
                return true;
            }

            if (_endOfStream)
            {
                if (_start < _end)
                {
                    line = Decode(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    return true;
                }

                line = string.Empty;
                return false;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new DatasetFormatException(_displayName, LineNumber + 1, $"line is longer than {MaxLineBytes / (1024 * 1024)} MiB; is this a TSV file?");
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        LineNumber++;
        if (LineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index + 1} of the line" : string.Empty;
            throw new DatasetFormatException(_displayName, LineNumber, $"invalid UTF-8{at}", e);
        }
    }
}
