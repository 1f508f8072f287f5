using System.Text.Json;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>
/// Every line of the Hugging Face reference files: same ids, type ids, masks, tokens, UTF-16 offsets, word and
/// sequence ids; the ids-only path gets the same ids unpadded; for mode "none" singles, also the normalized text,
/// the pre-tokens and the decoded text.
/// </summary>
public class ReferenceTokenizationTests
{
    [Theory]
    [MemberData(nameof(ReferenceCases.All), MemberType = typeof(ReferenceCases))]
    public void Encoding_matches_the_hugging_face_reference(string name)
    {
        var line = ReferenceCases.Line(name);
        if (line.GetProperty("kind").GetString() == "batch")
        {
            CheckBatch(ReferenceCases.Tokenizer(line.GetProperty("tokenizer").GetString()!), line);
            return;
        }

        AssertEncoding(line, Encode(TokenizerFor(line), line));
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.SingleEncodings), MemberType = typeof(ReferenceCases))]
    public void The_ids_a_model_is_fed_are_the_references_unpadded_ids_and_type_ids(string name)
    {
        var line = ReferenceCases.Line(name);
        var pair = line.TryGetProperty("text_pair", out var second) ? second.GetString()! : null;
        var unpadded = Enumerable.Range(0, line.GetProperty("length").GetInt32())
            .Where(i => line.GetProperty("attention_mask")[i].GetInt32() == 1)
            .ToList();

        var (ids, typeIds) = TokenizerFor(line).EncodeIds(line.GetProperty("text").GetString()!, pair);

        Assert.Equal(unpadded.Select(i => line.GetProperty("ids")[i].GetInt32()), ids);
        Assert.Equal(unpadded.Select(i => line.GetProperty("type_ids")[i].GetInt32()), typeIds);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.UntruncatedSingles), MemberType = typeof(ReferenceCases))]
    public void Normalize_matches_the_reference_normalized_text(string name)
    {
        var line = ReferenceCases.Line(name);

        var normalized = TokenizerFor(line).Normalize(line.GetProperty("text").GetString()!);

        Assert.Equal(line.GetProperty("normalized").GetString(), normalized);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.UntruncatedSingles), MemberType = typeof(ReferenceCases))]
    public void PreTokenize_of_the_normalized_text_matches_the_reference_pieces_and_spans(string name)
    {
        var line = ReferenceCases.Line(name);
        var normalized = line.GetProperty("normalized").GetString()!;
        var expected = line.GetProperty("pre_tokens").EnumerateArray()
            .Select(p => (p[0].GetString()!, CodePointSpanToUtf16(normalized, p[1][0].GetInt32(), p[1][1].GetInt32())))
            .ToList();

        Assert.Equal(expected, TokenizerFor(line).PreTokenize(normalized));
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.UntruncatedSingles), MemberType = typeof(ReferenceCases))]
    public void Decode_of_the_reference_ids_skipping_special_tokens_matches_the_reference_text(string name)
    {
        var line = ReferenceCases.Line(name);

        var decoded = TokenizerFor(line).Decode(Ints(line, "ids"));

        Assert.Equal(line.GetProperty("decoded_skip_special").GetString(), decoded);
    }

    /// <summary>The line's tokenizer with the truncation and padding its mode says.</summary>
    private static Tokenizer TokenizerFor(JsonElement line)
    {
        var loaded = ReferenceCases.Tokenizer(line.GetProperty("tokenizer").GetString()!);
        return line.GetProperty("mode").GetString() switch
        {
            "none" => loaded.WithTruncation(null).WithPadding(null),
            "trunc128" => loaded.WithTruncation(new TruncationOptions(128)).WithPadding(null),
            "file" => loaded,
            var mode => throw new InvalidOperationException("unknown mode " + mode),
        };
    }

    private static TokenizedText Encode(Tokenizer tokenizer, JsonElement line)
    {
        var text = line.GetProperty("text").GetString()!;
        return line.GetProperty("kind").GetString() == "pair"
            ? tokenizer.EncodePair(text, line.GetProperty("text_pair").GetString()!)
            : tokenizer.Encode(text);
    }

    private static void CheckBatch(Tokenizer loaded, JsonElement line)
    {
        var encodings = line.GetProperty("encodings").EnumerateArray().ToList();
        var padToken = encodings.SelectMany(e => Enumerable.Range(0, e.GetProperty("ids").GetArrayLength())
                .Where(i => e.GetProperty("attention_mask")[i].GetInt32() == 0)
                .Select(i => (e.GetProperty("tokens")[i].GetString()!, e.GetProperty("ids")[i].GetInt32())))
            .First();
        var tokenizer = loaded
            .WithTruncation(new TruncationOptions(128))
            .WithPadding(new PaddingOptions(PadId: padToken.Item2, PadToken: padToken.Item1));
        IReadOnlyList<TokenizedText> actual = line.TryGetProperty("texts", out var texts)
            ? tokenizer.EncodeBatch(texts.EnumerateArray().Select(t => t.GetString()!).ToList())
            : tokenizer.EncodePairBatch(line.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)).ToList());
        Assert.Equal(encodings.Count, actual.Count);
        for (var i = 0; i < encodings.Count; i++)
        {
            AssertEncoding(encodings[i], actual[i]);
        }
    }

    private static void AssertEncoding(JsonElement expected, TokenizedText actual)
    {
        Assert.Equal(Ints(expected, "ids"), actual.Ids);
        Assert.Equal(Ints(expected, "type_ids"), actual.TypeIds);
        Assert.Equal(Ints(expected, "attention_mask"), actual.AttentionMask);
        Assert.Equal(Ints(expected, "special_tokens_mask"), actual.SpecialTokensMask);
        Assert.Equal(expected.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray(), actual.Tokens);
        Assert.Equal(
            expected.GetProperty("offsets_utf16").EnumerateArray().Select(o => (o[0].GetInt32(), o[1].GetInt32())).ToArray(),
            actual.Offsets);
        Assert.Equal(NullableInts(expected, "word_ids"), actual.WordIds);
        Assert.Equal(NullableInts(expected, "sequence_ids"), actual.SequenceIds);
        Assert.Equal(expected.GetProperty("length").GetInt32(), actual.Length);
    }

    private static int[] Ints(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static int?[] NullableInts(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (int?)null : v.GetInt32()).ToArray();

    private static (int, int) CodePointSpanToUtf16(string text, int start, int end)
    {
        var map = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return (map[start], map[end]);
    }
}
