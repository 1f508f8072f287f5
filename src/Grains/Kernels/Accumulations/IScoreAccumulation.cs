using System.Runtime.Intrinsics;
using Similarity.Grains.Kernels.Lanes;

namespace Similarity.Grains.Kernels.Accumulations;

/// <summary>
/// What a score kernel sums over the dimensions of two rows, and how the sum becomes a score.
/// Vector lanes and the scalar tail use the same operation, so every pair is computed by the same arithmetic.
/// </summary>
internal interface IScoreAccumulation
{
    static abstract TVector Accumulate<TLanes, TVector>(TVector sum, TVector left, TVector right)
        where TLanes : ISimdLanes<TVector>
        where TVector : unmanaged;

    static abstract float Accumulate(float sum, float left, float right);

    static abstract float Finish(float sum);

    /// <summary><see cref="Finish(float)"/> on four sums at once, bit for bit the same.</summary>
    static abstract Vector128<float> Finish(Vector128<float> sums);
}
