using System.Text.Json;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Writes one JSON object per line, <c>{"&lt;name&gt;":[...]}</c>, each float in its shortest form that reads back to the
/// same float32. A NaN or infinite value (a broken model) fails before its line is written: JSON cannot carry it.
/// </summary>
internal sealed class JsonLinesRowWriter(Stream output, string propertyName) : IRowWriter
{
    private readonly JsonLinesOutput _lines = new(output);
    private readonly JsonEncodedText _name = JsonEncodedText.Encode(propertyName);

    public ValueTask WriteAsync(EmbeddingMatrix rows, CancellationToken cancellationToken)
    {
        for (var row = 0; row < rows.Rows; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(rows.Row(row));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        _lines.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _lines.Dispose();
        return ValueTask.CompletedTask;
    }

    private void WriteRow(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new CliException($"the model produced {value}, which JSON cannot represent; is the model broken?");
            }
        }

        var line = _lines.Line;
        line.WriteStartObject();
        line.WriteStartArray(_name);
        foreach (var value in values)
        {
            line.WriteNumberValue(value);
        }

        line.WriteEndArray();
        line.WriteEndObject();
        _lines.EndLine();
    }
}
