using System.Text.Json;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>Small tokenizer.json documents written inline, so a test shows the whole configuration it relies on.</summary>
internal static class InlineTokenizer
{
    /// <summary>A WordPiece tokenizer over <paramref name="vocabulary"/> (ids in order) with the given component JSON (or null).</summary>
    public static Tokenizer WordPiece(
        string[] vocabulary,
        string? normalizer = null,
        string? preTokenizer = """{"type": "WhitespaceSplit"}""",
        string? postProcessor = null,
        string addedTokens = "[]",
        string? decoder = null,
        int maxInputCharsPerWord = 100)
    {
        var vocab = string.Join(", ", vocabulary.Select((token, id) => $"{JsonSerializer.Serialize(token)}: {id}"));
        return Tokenizer.Parse($$$"""
            {
              "version": "1.0", "truncation": null, "padding": null,
              "added_tokens": {{{addedTokens}}},
              "normalizer": {{{normalizer ?? "null"}}},
              "pre_tokenizer": {{{preTokenizer ?? "null"}}},
              "post_processor": {{{postProcessor ?? "null"}}},
              "decoder": {{{decoder ?? "null"}}},
              "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                        "max_input_chars_per_word": {{{maxInputCharsPerWord}}}, "vocab": {{{{vocab}}}}}
            }
            """, "inline-wordpiece.json");
    }

    /// <summary>A Unigram tokenizer over scored pieces (ids in order).</summary>
    public static Tokenizer Unigram((string Piece, double Score)[] pieces, int? unkId, bool byteFallback = false, string? preTokenizer = null)
    {
        var vocab = string.Join(", ", pieces.Select(p => $"[{JsonSerializer.Serialize(p.Piece)}, {p.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"));
        return Tokenizer.Parse($$"""
            {
              "added_tokens": [], "normalizer": null, "pre_tokenizer": {{preTokenizer ?? "null"}}, "post_processor": null, "decoder": null,
              "model": {"type": "Unigram", "unk_id": {{(unkId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}},
                        "byte_fallback": {{(byteFallback ? "true" : "false")}}, "vocab": [{{vocab}}]}
            }
            """, "inline-unigram.json");
    }

    /// <summary>A tokenizer that only normalizes (for normalizer tests): WordPiece over a one-token vocabulary.</summary>
    public static Tokenizer Normalizing(string normalizer) => WordPiece(["[UNK]"], normalizer: normalizer);

    /// <summary>A tokenizer that only pre-tokenizes (for pre-tokenizer tests).</summary>
    public static Tokenizer PreTokenizing(string preTokenizer) => WordPiece(["[UNK]"], preTokenizer: preTokenizer);
}
