namespace Similarity.Inference.Tokenization;

/// <summary>Which end of a text truncation removes tokens from.</summary>
public enum TruncationDirection
{
    Right,
    Left,
}
