using System.Text.Json;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>
/// Every line of the Hugging Face reference files: same ids, type ids, masks, tokens, UTF-16 offsets, word and
/// sequence ids (and for mode "none" the normalized text, the pre-tokens and the decoded text).
/// </summary>
public class ReferenceTokenizationTests
{
    [Theory]
    [MemberData(nameof(ReferenceCases.All), MemberType = typeof(ReferenceCases))]
    public void Encoding_matches_the_hugging_face_reference(string name)
    {
        var line = ReferenceCases.Line(name);
        var tokenizerName = line.GetProperty("tokenizer").GetString()!;
        var loaded = ReferenceCases.Tokenizer(tokenizerName);
        var kind = line.GetProperty("kind").GetString();
        var mode = line.GetProperty("mode").GetString();
        if (kind == "batch")
        {
            CheckBatch(loaded, line);
            return;
        }

        var tokenizer = mode switch
        {
            "none" => loaded.WithTruncation(null).WithPadding(null),
            "trunc128" => loaded.WithTruncation(new TruncationOptions(128)).WithPadding(null),
            "file" => loaded,
            _ => throw new InvalidOperationException("unknown mode " + mode),
        };
        var text = line.GetProperty("text").GetString()!;
        var encoding = kind == "pair"
            ? tokenizer.EncodePair(text, line.GetProperty("text_pair").GetString()!)
            : tokenizer.Encode(text);
        AssertEncoding(line, encoding);

        if (line.TryGetProperty("normalized", out var normalized))
        {
            Assert.Equal(normalized.GetString(), tokenizer.Normalize(text));
        }

        if (line.TryGetProperty("pre_tokens", out var preTokens) && preTokens.ValueKind == JsonValueKind.Array)
        {
            var normalizedText = normalized.GetString()!;
            var expected = preTokens.EnumerateArray()
                .Select(p => (p[0].GetString()!, CodePointSpanToUtf16(normalizedText, p[1][0].GetInt32(), p[1][1].GetInt32())))
                .ToList();
            Assert.Equal(expected, tokenizer.PreTokenize(normalizedText));
        }

        if (line.TryGetProperty("decoded_skip_special", out var decoded))
        {
            Assert.Equal(decoded.GetString(), tokenizer.Decode(encoding.Ids));
        }
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
