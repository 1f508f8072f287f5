using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Silo.Http;

/// <summary>
/// Writes OpenAI's embeddings response straight to the response body: <c>{"object": "list", "data": [{"object":
/// "embedding", "index", "embedding"}], "model"}</c>. With base64 each embedding is its little-endian float32 bytes.
/// <c>usage</c> (prompt and total tokens) is written when the model counted the tokens it read (<see cref="FloatMatrix.TokenCount"/>).
/// </summary>
public static class EmbeddingsResponseWriter
{
    public static async Task WriteAsync(Stream output, string model, FloatMatrix embeddings, bool base64)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        byte[]? scratch = base64 && !BitConverter.IsLittleEndian ? new byte[embeddings.Columns * sizeof(float)] : null;
        for (var i = 0; i < embeddings.Rows; i++)
        {
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            var row = embeddings.Row(i);
            if (base64)
            {
                json.WriteBase64String("embedding", LittleEndianBytes(row, scratch));
            }
            else
            {
                json.WriteStartArray("embedding");
                foreach (var value in row)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync().ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        json.WriteString("model", model);
        if (embeddings.TokenCount is { } count)
        {
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", count);
            json.WriteNumber("total_tokens", count);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync().ConfigureAwait(false);
    }

    private static ReadOnlySpan<byte> LittleEndianBytes(ReadOnlySpan<float> row, byte[]? scratch)
    {
        if (scratch is null)
        {
            return MemoryMarshal.AsBytes(row);
        }

        for (var i = 0; i < row.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(scratch.AsSpan(i * sizeof(float)), row[i]);
        }

        return scratch;
    }
}
