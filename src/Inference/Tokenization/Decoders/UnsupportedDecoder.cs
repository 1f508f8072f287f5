namespace Similarity.Inference.Tokenization.Decoders;

/// <summary>
/// Stands in for a decoder type this reader does not implement: decoding is not needed to encode, so the
/// tokenizer still loads, and only <c>Decode</c> fails (naming the component).
/// </summary>
internal sealed class UnsupportedDecoder(TokenizerFormatException problem) : IDecoder
{
    public string Decode(IReadOnlyList<string> tokens) =>
        throw new TokenizerFormatException(problem.SourceName, problem.JsonPath, problem.ComponentType, problem.Problem);
}
