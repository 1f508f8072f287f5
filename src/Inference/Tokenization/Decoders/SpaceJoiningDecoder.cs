namespace Similarity.Inference.Tokenization.Decoders;

/// <summary>What the Rust library does without a decoder: join the tokens with spaces.</summary>
internal sealed class SpaceJoiningDecoder : IDecoder
{
    public static SpaceJoiningDecoder Instance { get; } = new();

    public string Decode(IReadOnlyList<string> tokens) => string.Join(' ', tokens);
}
