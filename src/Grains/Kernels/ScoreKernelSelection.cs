namespace Similarity.Grains.Kernels;

/// <summary>Which tile arithmetic a similarity function runs on (cosine runs the dot kernel on unit rows).</summary>
internal static class ScoreKernelSelection
{
    public static ScoreKernel Kernel(this SimilarityFunction function) => function switch
    {
        SimilarityFunction.Cosine or SimilarityFunction.Dot => ScoreKernel.Dot,
        SimilarityFunction.Manhattan => ScoreKernel.NegatedManhattan,
        SimilarityFunction.Euclidean => ScoreKernel.NegatedEuclidean,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
