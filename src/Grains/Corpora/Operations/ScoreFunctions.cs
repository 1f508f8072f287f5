using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>The kernels' function for the function a distributed operation names.</summary>
internal static class ScoreFunctions
{
    public static SimilarityFunction ToKernel(this ScoreFunction function) => function switch
    {
        ScoreFunction.Cosine => SimilarityFunction.Cosine,
        ScoreFunction.Dot => SimilarityFunction.Dot,
        ScoreFunction.Manhattan => SimilarityFunction.Manhattan,
        ScoreFunction.Euclidean => SimilarityFunction.Euclidean,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
