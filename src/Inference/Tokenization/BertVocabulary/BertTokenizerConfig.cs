using System.Text.Json;
using Similarity.Inference.Tokenization.Json;

namespace Similarity.Inference.Tokenization.BertVocabulary;

/// <summary>
/// The settings of transformers' <c>BertTokenizer</c> that a <c>tokenizer_config.json</c> carries beside a vocab.txt:
/// casing, accent stripping, CJK handling and the five special tokens; transformers' defaults where a key is missing.
/// </summary>
internal sealed record BertTokenizerConfig(
    bool DoLowerCase,
    bool? StripAccents,
    bool TokenizeChineseChars,
    string UnknownToken,
    string SeparatorToken,
    string PadToken,
    string ClassifierToken,
    string MaskToken)
{
    /// <summary>transformers' BertTokenizer defaults (no tokenizer_config.json).</summary>
    public static BertTokenizerConfig Default { get; } = new(true, null, true, "[UNK]", "[SEP]", "[PAD]", "[CLS]", "[MASK]");

    /// <summary>The special tokens with the key that names each, as <c>(key, token)</c>.</summary>
    public IEnumerable<(string Key, string Token)> SpecialTokens =>
    [
        ("pad_token", PadToken), ("unk_token", UnknownToken), ("cls_token", ClassifierToken), ("sep_token", SeparatorToken), ("mask_token", MaskToken),
    ];

    /// <summary>Reads <paramref name="path"/>; malformed JSON or a value of the wrong type is a <see cref="TokenizerFormatException"/> naming it.</summary>
    public static BertTokenizerConfig Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new TokenizerFormatException(path, "$", null, $"malformed JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = new JsonSection(document.RootElement, "$", path);
            if (!root.IsObject)
            {
                throw root.Error("tokenizer_config.json must be a JSON object", null);
            }

            var defaults = Default;
            return new BertTokenizerConfig(
                NullOr(root, "do_lower_case")?.AsBool(null) ?? defaults.DoLowerCase,
                NullOr(root, "strip_accents")?.AsBool(null),
                NullOr(root, "tokenize_chinese_chars")?.AsBool(null) ?? defaults.TokenizeChineseChars,
                Token(root, "unk_token") ?? defaults.UnknownToken,
                Token(root, "sep_token") ?? defaults.SeparatorToken,
                Token(root, "pad_token") ?? defaults.PadToken,
                Token(root, "cls_token") ?? defaults.ClassifierToken,
                Token(root, "mask_token") ?? defaults.MaskToken);
        }
    }

    private static JsonSection? NullOr(JsonSection root, string key) => root.TryGet(key, out var value) ? value : null;

    /// <summary>A special token written as a string, or as transformers' AddedToken object (<c>{"content": ...}</c>).</summary>
    private static string? Token(JsonSection root, string key)
    {
        if (!root.TryGet(key, out var token))
        {
            return null;
        }

        return token.IsString ? token.AsString(null)
            : token.IsObject ? token.String("content", null)
            : throw token.Error($"{key} must be a string or an object with \"content\", not {token.Element.ValueKind}", null);
    }
}
