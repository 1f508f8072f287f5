using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary>
/// What a score kernel adds for one dimension of a pair, and how the finished sum becomes a score. Each lane holds one
/// pair, summed over the dimensions in order, so every pair gets the same arithmetic whatever the register width.
/// </summary>
internal interface IScoreAccumulation
{
    /// <summary>The sum after one more dimension; <paramref name="left"/> and <paramref name="right"/> may be swapped without changing a bit.</summary>
    static abstract TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged;

    static abstract TVector Finish<TLanes, TVector>(TVector sums)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged;
}
