using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Tests.Fabric.Codec;

public class PayloadCodecTests
{
    [Fact]
    public void An_encode_request_is_version_kind_count_and_length_prefixed_utf8()
    {
        var output = new ArrayBufferWriter<byte>();

        EncodeRequestCodec.Write(output, ["hé", ""]);

        Assert.Equal(new byte[] { 1, 1, 2, 3, (byte)'h', 0xC3, 0xA9, 0 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_matrix_reply_carries_raw_little_endian_float32()
    {
        var output = new ArrayBufferWriter<byte>();

        ReplyCodec.WriteMatrix(output, new EmbeddingMatrix(1, 2, [1.0f, -2.5f]));

        Assert.Equal(new byte[] { 1, 3, 1, 2, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Lengths_above_127_take_several_varint_bytes()
    {
        var output = new ArrayBufferWriter<byte>();
        var text = new string('a', 300);

        EncodeRequestCodec.Write(output, [text]);

        Assert.Equal(new byte[] { 1, 1, 1, 0xAC, 0x02 }, output.WrittenSpan[..5].ToArray());
        Assert.Equal(text, Assert.Single(EncodeRequestCodec.Read(output.WrittenSpan)));
    }

    [Fact]
    public void Any_valid_unicode_texts_round_trip()
    {
        var texts = ArbMap.Default.ArbFor<string[]>().Filter(a => a is not null && a.All(t => t is not null && IsValidUnicode(t)));

        Prop.ForAll(texts, input =>
        {
            var output = new ArrayBufferWriter<byte>();
            EncodeRequestCodec.Write(output, input);
            return EncodeRequestCodec.Read(output.WrittenSpan).SequenceEqual(input);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_matrix_round_trips_bit_for_bit()
    {
        var matrices = ArbMap.Default.ArbFor<float[]>().Filter(v => v is not null);

        Prop.ForAll(matrices, values =>
        {
            var output = new ArrayBufferWriter<byte>();
            ReplyCodec.WriteMatrix(output, new EmbeddingMatrix(values.Length, 1, values));
            var read = ReplyCodec.ReadMatrix(output.WrittenSpan);
            return read.Rows == values.Length && read.Data.ToArray().Select(BitConverter.SingleToInt32Bits)
                .SequenceEqual(values.Select(BitConverter.SingleToInt32Bits));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Pairs_round_trip_in_order()
    {
        var output = new ArrayBufferWriter<byte>();
        TextPair[] pairs = [new("a", "b"), new("", "日本語"), new("x", "")];

        PredictRequestCodec.Write(output, pairs);

        Assert.Equal(pairs, PredictRequestCodec.Read(output.WrittenSpan));
    }

    [Fact]
    public void An_error_reply_is_rethrown_as_its_typed_exception_with_its_parameter()
    {
        var output = new ArrayBufferWriter<byte>();
        ReplyCodec.WriteError(output, GrainErrorCode.Overloaded, "queue full");

        var error = Assert.Throws<OverloadedException>(() => ReplyCodec.ReadMatrix(output.WrittenSpan));

        Assert.Equal("queue full", error.Message);
        output.Clear();
        ReplyCodec.WriteError(output, GrainErrorCode.InvalidRequest, "bad", "input");
        Assert.Equal("input", Assert.Throws<InvalidRequestException>(() => ReplyCodec.ReadMatrix(output.WrittenSpan)).Parameter);
    }

    [Fact]
    public void An_unknown_error_code_from_a_newer_silo_becomes_a_remote_error()
    {
        var output = new ArrayBufferWriter<byte>();
        ReplyCodec.WriteError(output, (GrainErrorCode)200, "something new");

        Assert.Equal("something new", Assert.Throws<RemoteGrainException>(() => ReplyCodec.ReadMatrix(output.WrittenSpan)).Message);
    }

    [Fact]
    public void Invalid_utf8_names_the_text_and_the_byte()
    {
        byte[] payload = [1, 1, 2, 1, (byte)'a', 3, (byte)'b', 0xFF, (byte)'c'];

        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Read(payload));

        Assert.Contains("text 1 is not valid UTF-8 (at byte 1", error.Message);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_when_writing_naming_the_text()
    {
        var output = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Write(output, ["ok", "a\uD800b"]));

        Assert.Contains("text 1 is not valid Unicode", error.Message);
    }

    [Fact]
    public void A_truncated_payload_names_where_it_ends()
    {
        byte[] payload = [1, 1, 1, 5, (byte)'a', (byte)'b'];

        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Read(payload));

        Assert.Contains("payload ends inside text 0", error.Message);
    }

    [Fact]
    public void A_count_larger_than_the_payload_is_refused_before_allocating()
    {
        byte[] payload = [1, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07];

        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Read(payload));

        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void An_unknown_version_is_refused()
    {
        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Read([2, 1, 0]));

        Assert.Contains("unsupported payload version 2", error.Message);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        var error = Assert.Throws<PayloadFormatException>(() => EncodeRequestCodec.Read([1, 1, 0, 9]));

        Assert.Contains("unexpected bytes", error.Message);
    }

    [Fact]
    public void A_matrix_whose_values_do_not_match_its_shape_is_refused()
    {
        var error = Assert.Throws<PayloadFormatException>(() => ReplyCodec.ReadMatrix([1, 3, 2, 2, 0, 0, 0, 0]));

        Assert.Contains("2x2 matrix needs 16 bytes", error.Message);
    }

    [Fact]
    public void A_request_where_a_reply_is_expected_is_refused()
    {
        var output = new ArrayBufferWriter<byte>();
        EncodeRequestCodec.Write(output, ["x"]);

        Assert.Throws<PayloadFormatException>(() => ReplyCodec.ReadMatrix(output.WrittenSpan));
    }

    private static bool IsValidUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
