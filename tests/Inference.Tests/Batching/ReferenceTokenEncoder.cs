using Similarity.Inference.Batching;
using Similarity.Inference.Tests.Models;

namespace Similarity.Inference.Tests.Batching;

/// <summary>
/// Stands in for the tokenizer until it is merged: returns the Hugging Face token ids stored with a model reference
/// for exactly the reference's sentences and pairs.
/// </summary>
internal sealed class ReferenceTokenEncoder : ITokenEncoder
{
    private readonly Dictionary<string, EncodedText> _texts = [];
    private readonly Dictionary<(string, string), EncodedText> _pairs = [];

    public ReferenceTokenEncoder(ModelReference reference)
    {
        var isPairModel = reference.Model == "albert-cross-encoder";
        for (var i = 0; i < reference.BatchSize; i++)
        {
            var encoded = new EncodedText(reference.Ids(i), reference.TypeIds(i));
            if (isPairModel)
            {
                _pairs.TryAdd(reference.Pairs[i], encoded);
            }
            else
            {
                _texts.TryAdd(reference.Sentences[i], encoded);
            }
        }
    }

    public EncodedText Encode(string text) =>
        _texts.TryGetValue(text, out var encoded) ? encoded : throw new KeyNotFoundException($"no reference tokens for '{text}'");

    public EncodedText EncodePair(string first, string second) =>
        _pairs.TryGetValue((first, second), out var encoded) ? encoded : throw new KeyNotFoundException($"no reference tokens for ('{first}', '{second}')");
}
