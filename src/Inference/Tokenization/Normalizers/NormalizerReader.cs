using Similarity.Inference.Tokenization.Json;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary>Builds a normalizer from its tokenizer.json entry; unsupported types are refused by name and path.</summary>
internal static class NormalizerReader
{
    public static INormalizer Read(JsonSection node)
    {
        var type = node.TypeName("a normalizer");
        switch (type)
        {
            case "BertNormalizer":
                return new BertNormalizer(
                    node.BoolOr("clean_text", true, type),
                    node.BoolOr("handle_chinese_chars", true, type),
                    node.NullableBool("strip_accents", type),
                    node.BoolOr("lowercase", true, type));
            case "Lowercase":
                return new LowercaseNormalizer();
            case "NFC":
                return new UnicodeFormNormalizer(UnicodeNormalizationForm.Nfc);
            case "NFD":
                return new UnicodeFormNormalizer(UnicodeNormalizationForm.Nfd);
            case "NFKC":
                return new UnicodeFormNormalizer(UnicodeNormalizationForm.Nfkc);
            case "NFKD":
                return new UnicodeFormNormalizer(UnicodeNormalizationForm.Nfkd);
            case "StripAccents":
                return new StripAccentsNormalizer();
            case "Replace":
                return new ReplaceNormalizer(PatternReader.Read(node.Get("pattern", type), type), node.String("content", type));
            case "Prepend":
                return new PrependNormalizer(node.String("prepend", type));
            case "Strip":
                return new StripNormalizer(node.BoolOr("strip_left", true, type), node.BoolOr("strip_right", true, type));
            case "Precompiled":
                return ReadPrecompiled(node, type);
            case "Sequence":
                return new SequenceNormalizer(node.Get("normalizers", type).Items(type).Select(Read).ToArray());
            default:
                throw node.Error($"unsupported normalizer type '{type}'", type);
        }
    }

    private static INormalizer ReadPrecompiled(JsonSection node, string type)
    {
        if (!node.TryGet("precompiled_charsmap", out var charsMapNode) || charsMapNode.AsString(type).Length == 0)
        {
            return new SequenceNormalizer([]);
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(charsMapNode.AsString(type));
        }
        catch (FormatException e)
        {
            throw charsMapNode.Error($"precompiled_charsmap is not base64: {e.Message}", type);
        }

        try
        {
            return new PrecompiledNormalizer(PrecompiledCharsMap.Parse(blob));
        }
        catch (FormatException e)
        {
            throw charsMapNode.Error($"precompiled_charsmap cannot be parsed: {e.Message}", type);
        }
    }
}
