namespace Similarity.Inference.Tokenization;

/// <summary>Which text of a pair gives up tokens when the pair is too long.</summary>
public enum TruncationStrategy
{
    /// <summary>Shorten the longer text first, then both in turn.</summary>
    LongestFirst,

    OnlyFirst,

    OnlySecond,
}
