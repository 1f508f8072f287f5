namespace Similarity.Inference.Tokenization.Decoders;

/// <summary>The <c>decoder</c> of tokenizer.json: turns token strings back into text.</summary>
internal interface IDecoder
{
    string Decode(IReadOnlyList<string> tokens);
}
