namespace Similarity.Inference.Tokenization;

/// <summary>
/// How long an encoding may be, special tokens included. <see cref="Stride"/> only shapes the overflowing
/// windows the Rust library can return; those are not produced here, so it does not change any result.
/// </summary>
public sealed record TruncationOptions(
    int MaxLength,
    TruncationStrategy Strategy = TruncationStrategy.LongestFirst,
    TruncationDirection Direction = TruncationDirection.Right,
    int Stride = 0);
