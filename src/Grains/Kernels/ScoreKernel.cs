namespace Similarity.Grains.Kernels;

/// <summary>The arithmetic a tile kernel runs; cosine is <see cref="Dot"/> on unit rows.</summary>
internal enum ScoreKernel
{
    Dot,
    NegatedManhattan,
    NegatedEuclidean,
}
