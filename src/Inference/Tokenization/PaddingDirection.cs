namespace Similarity.Inference.Tokenization;

/// <summary>Which end of an encoding padding goes to.</summary>
public enum PaddingDirection
{
    Right,
    Left,
}
