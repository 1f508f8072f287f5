using System.Runtime.Intrinsics;

namespace Similarity.Grains.Kernels.Lanes;

/// <summary>
/// One SIMD register width, so a kernel is written once and specialised by the JIT for 512-, 256- or 128-bit vectors.
/// </summary>
internal unsafe interface ISimdLanes<TVector>
    where TVector : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(float* source);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Abs(TVector value);

    /// <summary><c>left * right + addend</c> with one rounding.</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>
    /// Folds the register to four lanes by adding its upper half onto its lower half until 128 bits remain;
    /// <see cref="HorizontalSums"/> finishes the sum. Every kernel reduces through the same tree.
    /// </summary>
    static abstract Vector128<float> Fold(TVector value);
}
