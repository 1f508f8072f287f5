using Similarity.Inference.Tokenization.Json;
using Similarity.Inference.Tokenization.PreTokenizers;

namespace Similarity.Inference.Tokenization.Decoders;

/// <summary>
/// Builds the decoder from tokenizer.json. Decoding is not needed to encode, so an unsupported decoder type
/// does not stop the tokenizer from loading: it fails when <c>Decode</c> is called, naming the type and path.
/// </summary>
internal static class DecoderReader
{
    public static IDecoder Read(JsonSection node)
    {
        var type = node.TypeName("a decoder");
        return type switch
        {
            "WordPiece" => new WordPieceDecoder(node.StringOr("prefix", "##", type), node.BoolOr("cleanup", true, type)),
            "Metaspace" => new MetaspaceDecoder(
                PatternReader.ReadCharacter(node.Get("replacement", type), type),
                PreTokenizerReader.ReadPrependScheme(node, type)),
            _ => new UnsupportedDecoder(node.Error($"unsupported decoder type '{type}'", type)),
        };
    }
}
