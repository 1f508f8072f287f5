namespace Similarity.Inference.Batching;

/// <summary>Token ids (and token type ids) for one text or text pair, already truncated to the model's maximum length.</summary>
public readonly record struct EncodedText(int[] Ids, int[] TypeIds)
{
    public int Length => Ids.Length;
}
