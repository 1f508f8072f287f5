using System.Text.Json;
using Similarity.Inference.Tokenization.AddedTokens;
using Similarity.Inference.Tokenization.Decoders;
using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.PostProcessors;
using Similarity.Inference.Tokenization.PreTokenizers;

namespace Similarity.Inference.Tokenization.Json;

/// <summary>Reads a whole tokenizer.json document into a pipeline plus the file's own truncation and padding.</summary>
internal static class TokenizerJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static (TokenizerPipeline Pipeline, TruncationOptions? Truncation, PaddingOptions? Padding) Read(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new TokenizerFormatException(sourceName, "$", null, $"malformed JSON{where}: {e.Message}", e);
        }

        using (document)
        {
            var root = new JsonSection(document.RootElement, "$", sourceName);
            if (!root.IsObject)
            {
                throw root.Error("a tokenizer.json document must be a JSON object", null);
            }

            var model = ModelReader.Read(root.Get("model", null));
            var normalizer = root.TryGet("normalizer", out var normalizerNode) ? NormalizerReader.Read(normalizerNode) : null;
            var preTokenizer = root.TryGet("pre_tokenizer", out var preTokenizerNode) ? PreTokenizerReader.Read(preTokenizerNode) : null;
            var postProcessor = root.TryGet("post_processor", out var postNode) ? PostProcessorReader.Read(postNode) : ConcatenatingPostProcessor.Instance;
            var decoder = root.TryGet("decoder", out var decoderNode) ? DecoderReader.Read(decoderNode) : SpaceJoiningDecoder.Instance;
            var addedTokens = root.TryGet("added_tokens", out var addedNode) ? ReadAddedTokens(addedNode, model) : [];
            var pipeline = new TokenizerPipeline(model, normalizer, preTokenizer, postProcessor, decoder, new AddedVocabulary(addedTokens, normalizer));
            var truncation = root.TryGet("truncation", out var truncationNode) ? ReadTruncation(truncationNode) : null;
            var padding = root.TryGet("padding", out var paddingNode) ? ReadPadding(paddingNode) : null;
            return (pipeline, truncation, padding);
        }
    }

    private static List<AddedToken> ReadAddedTokens(JsonSection node, ITokenizerModel model)
    {
        var tokens = new List<AddedToken>();
        foreach (var item in node.Items(null))
        {
            var content = item.String("content", null);
            var special = item.BoolOr("special", false, null);
            // The model's own id wins, as when the Rust library re-adds the token to a loaded model.
            var id = model.TokenToId(content) ?? item.Int("id", null);
            tokens.Add(new AddedToken(
                id,
                content,
                special,
                item.BoolOr("single_word", false, null),
                item.BoolOr("lstrip", false, null),
                item.BoolOr("rstrip", false, null),
                item.BoolOr("normalized", !special, null)));
        }

        return tokens;
    }

    private static TruncationOptions ReadTruncation(JsonSection node)
    {
        const string component = "truncation";
        var maxLength = node.Int("max_length", component);
        if (maxLength < 0)
        {
            throw node.Get("max_length", component).Error("max_length must not be negative", component);
        }

        var strategy = node.StringOr("strategy", "LongestFirst", component) switch
        {
            "LongestFirst" => TruncationStrategy.LongestFirst,
            "OnlyFirst" => TruncationStrategy.OnlyFirst,
            "OnlySecond" => TruncationStrategy.OnlySecond,
            var other => throw node.Get("strategy", component).Error($"unknown truncation strategy '{other}'", component),
        };
        var direction = node.StringOr("direction", "Right", component) switch
        {
            "Right" => TruncationDirection.Right,
            "Left" => TruncationDirection.Left,
            var other => throw node.Get("direction", component).Error($"unknown truncation direction '{other}'", component),
        };
        return new TruncationOptions(maxLength, strategy, direction, node.IntOr("stride", 0, component));
    }

    private static PaddingOptions ReadPadding(JsonSection node)
    {
        const string component = "padding";
        int? fixedLength = null;
        var strategy = node.Get("strategy", component);
        if (strategy.IsString)
        {
            if (strategy.AsString(component) != "BatchLongest")
            {
                throw strategy.Error($"unknown padding strategy '{strategy.AsString(component)}'", component);
            }
        }
        else if (strategy.TryGet("Fixed", out var fixedNode))
        {
            fixedLength = fixedNode.AsInt(component);
        }
        else
        {
            throw strategy.Error("padding strategy must be \"BatchLongest\" or {\"Fixed\": n}", component);
        }

        var direction = node.StringOr("direction", "Right", component) switch
        {
            "Right" => PaddingDirection.Right,
            "Left" => PaddingDirection.Left,
            var other => throw node.Get("direction", component).Error($"unknown padding direction '{other}'", component),
        };
        return new PaddingOptions(
            fixedLength,
            node.NullableInt("pad_to_multiple_of", component),
            direction,
            node.IntOr("pad_id", 0, component),
            node.IntOr("pad_type_id", 0, component),
            node.StringOr("pad_token", "[PAD]", component));
    }
}
