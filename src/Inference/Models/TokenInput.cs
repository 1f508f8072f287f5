namespace Similarity.Inference.Models;

/// <summary>The token-level tensors a transformer graph may declare as inputs.</summary>
public enum TokenInput
{
    InputIds,
    AttentionMask,
    TokenTypeIds,

    /// <summary>0, 1, 2, ... per row (absolute positions), for graphs that take them as an input.</summary>
    PositionIds,
}
