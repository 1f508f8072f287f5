using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora;

/// <summary>One batch of an add's input: texts for the corpus's model to encode, or embeddings computed elsewhere.</summary>
public sealed record SourceBatch(string[]? Texts, FloatMatrix? Embeddings)
{
    public int Count => Texts?.Length ?? Embeddings?.Rows ?? 0;
}
