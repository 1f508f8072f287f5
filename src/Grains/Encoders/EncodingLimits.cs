namespace Similarity.Grains.Encoders;

/// <summary>Bounds on one encode or predict request, so one caller cannot monopolise a worker.</summary>
public sealed record EncodingLimits
{
    /// <summary>Most texts (or pairs) in one request; the OpenAI embeddings API allows 2048 inputs.</summary>
    public int MaxItemsPerRequest { get; init; } = 2048;

    public static EncodingLimits Default { get; } = new();
}
