using Similarity.Inference.Tokenization.Json;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.PreTokenizers;

/// <summary>Builds a pre-tokenizer from its tokenizer.json entry; unsupported types are refused by name and path.</summary>
internal static class PreTokenizerReader
{
    public static IPreTokenizer Read(JsonSection node)
    {
        var type = node.TypeName("a pre-tokenizer");
        switch (type)
        {
            case "BertPreTokenizer":
                return new BertPreTokenizer();
            case "Whitespace":
                return new WhitespacePreTokenizer();
            case "WhitespaceSplit":
                return new WhitespaceSplitPreTokenizer();
            case "Metaspace":
                return new MetaspacePreTokenizer(
                    PatternReader.ReadCharacter(node.Get("replacement", type), type),
                    ReadPrependScheme(node, type),
                    node.BoolOr("split", true, type));
            case "Punctuation":
                return new PunctuationPreTokenizer(
                    node.TryGet("behavior", out var behavior) ? PatternReader.ReadBehavior(behavior, type) : SplitDelimiterBehavior.Isolated);
            case "Digits":
                return new DigitsPreTokenizer(node.BoolOr("individual_digits", false, type));
            case "Split":
                return new SplitPreTokenizer(
                    PatternReader.Read(node.Get("pattern", type), type),
                    PatternReader.ReadBehavior(node.Get("behavior", type), type),
                    node.BoolOr("invert", false, type));
            case "Sequence":
                return new SequencePreTokenizer(node.Get("pretokenizers", type).Items(type).Select(Read).ToArray());
            default:
                throw node.Error($"unsupported pre-tokenizer type '{type}'", type);
        }
    }

    /// <summary>
    /// <c>prepend_scheme</c> (always, first, never; default always), or the legacy <c>add_prefix_space</c>:
    /// false means never, and contradicting an explicit scheme is an error, as in the Rust library.
    /// </summary>
    public static PrependScheme ReadPrependScheme(JsonSection node, string type)
    {
        PrependScheme? scheme = null;
        if (node.TryGet("prepend_scheme", out var schemeNode))
        {
            scheme = schemeNode.AsString(type) switch
            {
                "always" => PrependScheme.Always,
                "first" => PrependScheme.First,
                "never" => PrependScheme.Never,
                var other => throw schemeNode.Error($"unknown prepend_scheme '{other}' (expected always, first or never)", type),
            };
        }

        if (node.NullableBool("add_prefix_space", type) == false)
        {
            if (scheme is not null and not PrependScheme.Never)
            {
                throw node.Error("add_prefix_space false contradicts prepend_scheme", type);
            }

            scheme = PrependScheme.Never;
        }

        return scheme ?? PrependScheme.Always;
    }
}
