using System.Buffers;

namespace Similarity.Silo.Fabric.Codec;

/// <summary>Encode requests: a list of texts.</summary>
public static class EncodeRequestCodec
{
    /// <summary>Writes <paramref name="count"/> texts starting at <paramref name="start"/> (a chunk of a larger list).</summary>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<string> texts, int start, int count)
    {
        var writer = new PayloadWriter(output);
        writer.WriteHeader(PayloadKind.EncodeRequest);
        writer.WriteVarUInt((uint)count);
        for (var i = 0; i < count; i++)
        {
            writer.WriteText(texts[start + i], "text", start + i);
        }
    }

    public static void Write(IBufferWriter<byte> output, IReadOnlyList<string> texts) => Write(output, texts, 0, texts.Count);

    public static string[] Read(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.ExpectHeader(PayloadKind.EncodeRequest);
        var texts = new string[reader.ReadCount("text count", minBytesEach: 1)];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = reader.ReadText("text", i);
        }

        reader.ExpectEnd("texts");
        return texts;
    }

    /// <summary>Bytes a text adds to a request (length prefix and UTF-8), for cutting requests by size.</summary>
    public static long SizeOf(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        return PayloadWriter.VarUIntLength((uint)bytes) + bytes;
    }

    /// <summary>Bytes of the header and count of a request of <paramref name="count"/> items.</summary>
    public static int OverheadOf(int count) => PayloadFormat.HeaderLength + PayloadWriter.VarUIntLength((uint)count);
}
