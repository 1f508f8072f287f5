using System.Globalization;
using Similarity.Inference.Tokenization.Json;

namespace Similarity.Inference.Tokenization.PostProcessors;

/// <summary>Builds the post-processor from tokenizer.json; unsupported types are refused by name and path.</summary>
internal static class PostProcessorReader
{
    public static IPostProcessor Read(JsonSection node)
    {
        var type = node.TypeName("a post-processor");
        return type switch
        {
            "TemplateProcessing" => ReadTemplate(node, type),
            "BertProcessing" => new BertProcessing(ReadTokenAndId(node.Get("sep", type), type), ReadTokenAndId(node.Get("cls", type), type)),
            "RobertaProcessing" => new RobertaProcessing(
                ReadTokenAndId(node.Get("sep", type), type),
                ReadTokenAndId(node.Get("cls", type), type),
                node.BoolOr("trim_offsets", true, type),
                node.BoolOr("add_prefix_space", true, type)),
            _ => throw node.Error($"unsupported post-processor type '{type}'", type),
        };
    }

    private static TemplateProcessing ReadTemplate(JsonSection node, string type)
    {
        var specialTokens = new Dictionary<string, TemplateSpecialToken>(StringComparer.Ordinal);
        if (node.TryGet("special_tokens", out var specialNode))
        {
            foreach (var (name, value) in specialNode.Members(type))
            {
                var ids = value.Get("ids", type).Items(type).Select(id => id.AsInt(type)).ToArray();
                var tokens = value.Get("tokens", type).Items(type).Select(token => token.AsString(type)).ToArray();
                if (ids.Length != tokens.Length)
                {
                    throw value.Error($"special token '{name}' has {ids.Length} ids but {tokens.Length} tokens", type);
                }

                specialTokens[value.StringOr("id", name, type)] = new TemplateSpecialToken(name, ids, tokens);
            }
        }

        var single = ReadPieces(node.Get("single", type), type, specialTokens);
        var pair = ReadPieces(node.Get("pair", type), type, specialTokens);
        return new TemplateProcessing(single, pair, specialTokens);
    }

    private static TemplatePiece[] ReadPieces(JsonSection node, string type, Dictionary<string, TemplateSpecialToken> specialTokens)
    {
        var items = node.IsString
            ? node.AsString(type).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(text => (Text: (string?)text, Node: node)).ToList()
            : node.Items(type).Select(item => (Text: item.IsString ? item.AsString(type) : null, Node: item)).ToList();
        var pieces = new TemplatePiece[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (text, item) = items[i];
            var piece = text is not null ? ParsePiece(text, item, type) : ReadPiece(item, type);
            if (piece.SpecialToken is { } name && !specialTokens.ContainsKey(name))
            {
                throw item.Error($"the template uses special token '{name}', which special_tokens does not define", type);
            }

            pieces[i] = piece;
        }

        return pieces;
    }

    private static TemplatePiece ReadPiece(JsonSection item, string type)
    {
        if (item.TryGet("Sequence", out var sequence))
        {
            var id = sequence.String("id", type);
            var index = id switch
            {
                "A" => 0,
                "B" => 1,
                _ => throw sequence.Error($"unknown sequence '{id}' (expected A or B)", type),
            };
            return new TemplatePiece(index, null, sequence.IntOr("type_id", 0, type));
        }

        if (item.TryGet("SpecialToken", out var special))
        {
            return new TemplatePiece(null, special.String("id", type), special.IntOr("type_id", 0, type));
        }

        throw item.Error("a template piece must be {\"Sequence\": ...} or {\"SpecialToken\": ...}", type);
    }

    /// <summary>The string form: <c>$A</c>, <c>$B</c>, <c>$</c>, <c>$1</c> (sequence A with that type id) or a special token, each optionally <c>:type_id</c>.</summary>
    private static TemplatePiece ParsePiece(string text, JsonSection node, string type)
    {
        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            throw node.Error($"cannot read template piece '{text}'", type);
        }

        var typeId = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out typeId))
        {
            throw node.Error($"cannot read the type id of template piece '{text}'", type);
        }

        var id = parts[0];
        if (!id.StartsWith('$'))
        {
            return new TemplatePiece(null, id, typeId);
        }

        return id[1..] switch
        {
            "" or "A" or "a" => new TemplatePiece(0, null, typeId),
            "B" or "b" => new TemplatePiece(1, null, typeId),
            var n when parts.Length == 1 && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var sequenceTypeId) =>
                new TemplatePiece(0, null, sequenceTypeId),
            _ => throw node.Error($"cannot read template piece '{text}'", type),
        };
    }

    private static (string Token, int Id) ReadTokenAndId(JsonSection node, string type)
    {
        var items = node.Items(type);
        if (items.Count != 2)
        {
            throw node.Error("expected [token, id]", type);
        }

        return (items[0].AsString(type), items[1].AsInt(type));
    }
}
