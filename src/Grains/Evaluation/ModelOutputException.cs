namespace Similarity.Grains.Evaluation;

/// <summary>The model under evaluation returned something unusable: the wrong shape, or NaN/infinite values.</summary>
public sealed class ModelOutputException : InvalidOperationException
{
    public ModelOutputException(string message)
        : base(message)
    {
    }
}
