using System.Text.Json;
using Similarity.Inference.Tokenization.Json;

namespace Similarity.Inference.Tokenization.Models;

/// <summary>
/// Builds the model from tokenizer.json. Old files whose <c>model</c> has no <c>type</c> are recognised as the
/// Rust library does: an object vocabulary without merges is WordPiece, a list of scored pieces is Unigram.
/// </summary>
internal static class ModelReader
{
    public static ITokenizerModel Read(JsonSection node)
    {
        if (!node.IsObject)
        {
            throw node.Error("the model must be a JSON object", null);
        }

        var type = node.TryGet("type", out var typeNode) ? typeNode.AsString(null) : InferType(node);
        return type switch
        {
            "WordPiece" => ReadWordPiece(node, type),
            "Unigram" => ReadUnigram(node, type),
            _ => throw node.Error($"unsupported model type '{type}' (supported: WordPiece, Unigram)", type),
        };
    }

    private static string InferType(JsonSection node)
    {
        var vocab = node.Get("vocab", null);
        if (vocab.IsArray)
        {
            return "Unigram";
        }

        if (vocab.IsObject)
        {
            return node.TryGet("merges", out _) ? "BPE" : "WordPiece";
        }

        throw vocab.Error("cannot tell the model type: it has no \"type\" and its vocab is neither an object nor a list", null);
    }

    private static WordPieceModel ReadWordPiece(JsonSection node, string type)
    {
        var vocabNode = node.Get("vocab", type);
        if (!vocabNode.IsObject)
        {
            throw vocabNode.Error("a WordPiece vocab must map token strings to ids", type);
        }

        var ids = new Dictionary<string, int>(vocabNode.Element.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var member in vocabNode.Element.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Number || !member.Value.TryGetInt32(out var id) || id < 0)
            {
                throw new JsonSection(member.Value, $"{vocabNode.Path}[\"{member.Name}\"]", node.Source)
                    .Error("a token id must be a non-negative integer", type);
            }

            ids[member.Name] = id;
        }

        var maxChars = node.IntOr("max_input_chars_per_word", 100, type);
        return new WordPieceModel(
            new Vocabulary(ids),
            node.StringOr("unk_token", "[UNK]", type),
            node.StringOr("continuing_subword_prefix", "##", type),
            maxChars);
    }

    private static UnigramModel ReadUnigram(JsonSection node, string type)
    {
        var vocabNode = node.Get("vocab", type);
        if (!vocabNode.IsArray)
        {
            throw vocabNode.Error("a Unigram vocab must be a list of [piece, score] pairs", type);
        }

        var pieces = new List<(string, double)>(vocabNode.Element.GetArrayLength());
        var index = 0;
        foreach (var entry in vocabNode.Element.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2
                || entry[0].ValueKind != JsonValueKind.String || entry[1].ValueKind != JsonValueKind.Number)
            {
                throw new JsonSection(entry, $"{vocabNode.Path}[{index}]", node.Source).Error("expected [piece, score]", type);
            }

            pieces.Add((entry[0].GetString()!, entry[1].GetDouble()));
            index++;
        }

        var unknownId = node.NullableInt("unk_id", type);
        if (unknownId is { } unk && (unk < 0 || unk >= pieces.Count))
        {
            throw node.Get("unk_id", type).Error($"unk_id {unk} is outside the vocabulary of {pieces.Count} pieces", type);
        }

        return new UnigramModel(pieces, unknownId, node.BoolOr("byte_fallback", false, type));
    }
}
