using Similarity.Inference.Batching;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Batching;

/// <summary>
/// Feeds the batcher the exact token ids PyTorch was fed (stored with a model reference) for the reference's sentences
/// and pairs, so batching tests check batching alone; the real tokenizer's ids are checked in ModelInputTokenizerTests.
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
