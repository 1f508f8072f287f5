namespace Similarity.Inference.Models.Pooling;

/// <summary>Pooling strategies of sentence-transformers' Pooling module; several may be combined (their outputs are concatenated).</summary>
[Flags]
public enum PoolingModes
{
    None = 0,

    /// <summary>The first token's embedding ([CLS]).</summary>
    Cls = 1,

    /// <summary>Element-wise maximum over real (unmasked) tokens.</summary>
    Max = 2,

    /// <summary>Average over real tokens.</summary>
    Mean = 4,

    /// <summary>Sum over real tokens divided by the square root of their count.</summary>
    MeanSqrtLength = 8,

    /// <summary>Average weighted by position (1, 2, 3, ...).</summary>
    WeightedMean = 16,

    /// <summary>The last real token's embedding.</summary>
    LastToken = 32,
}
