using System.Buffers;
using Similarity.Inference.Models;

namespace Similarity.Silo.Fabric.Codec;

/// <summary>Predict (cross-encoder) requests: a list of text pairs.</summary>
public static class PredictRequestCodec
{
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<TextPair> pairs, int start, int count)
    {
        var writer = new PayloadWriter(output);
        writer.WriteHeader(PayloadKind.PredictRequest);
        writer.WriteVarUInt((uint)count);
        for (var i = 0; i < count; i++)
        {
            var pair = pairs[start + i];
            writer.WriteText(pair.First, "first text of pair", start + i);
            writer.WriteText(pair.Second, "second text of pair", start + i);
        }
    }

    public static void Write(IBufferWriter<byte> output, IReadOnlyList<TextPair> pairs) => Write(output, pairs, 0, pairs.Count);

    public static TextPair[] Read(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        reader.ExpectHeader(PayloadKind.PredictRequest);
        var pairs = new TextPair[reader.ReadCount("pair count", minBytesEach: 2)];
        for (var i = 0; i < pairs.Length; i++)
        {
            var first = reader.ReadText("first text of pair", i);
            var second = reader.ReadText("second text of pair", i);
            pairs[i] = new TextPair(first, second);
        }

        reader.ExpectEnd("pairs");
        return pairs;
    }

    public static long SizeOf(TextPair pair) => EncodeRequestCodec.SizeOf(pair.First) + EncodeRequestCodec.SizeOf(pair.Second);
}
