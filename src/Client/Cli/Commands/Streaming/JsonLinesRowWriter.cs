using System.Buffers;
using System.Text.Json;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Writes one JSON object per line, <c>{"&lt;name&gt;":[...]}</c>, each float in its shortest form that reads back to the
/// same float32. A NaN or infinite value (a broken model) fails: JSON cannot carry it.
/// </summary>
internal sealed class JsonLinesRowWriter : IRowWriter
{
    private const int FlushBytes = 1 << 16;
    private readonly Stream _output;
    private readonly JsonEncodedText _name;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes * 2);
    private readonly Utf8JsonWriter _json;

    public JsonLinesRowWriter(Stream output, string propertyName)
    {
        _output = output;
        _name = JsonEncodedText.Encode(propertyName);
        _json = new Utf8JsonWriter(_buffer);
    }

    public async ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken)
    {
        for (var row = 0; row < rows.Rows; row++)
        {
            WriteRow(rows.Row(row));
            if (_buffer.WrittenCount >= FlushBytes)
            {
                await FlushAsync(cancellationToken);
            }
        }

        await FlushAsync(cancellationToken);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _output.DisposeAsync();
    }

    private void WriteRow(ReadOnlySpan<float> values)
    {
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray(_name);
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new CliException($"the model produced {value}, which JSON cannot represent; is the model broken?");
            }

            _json.WriteNumberValue(value);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken);
            _buffer.ResetWrittenCount();
        }
    }
}
