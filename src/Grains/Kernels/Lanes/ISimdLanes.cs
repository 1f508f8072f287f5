using System.Runtime.Intrinsics;

namespace Similarity.Grains.Kernels.Lanes;

/// <summary>
/// One SIMD register width, so a kernel is written once and specialised by the JIT for 512-, 256- or 128-bit vectors
/// (128-bit also stands in for the scalar path when no SIMD is enabled: the runtime emulates it element by element).
/// </summary>
internal unsafe interface ISimdLanes<TVector>
    where TVector : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(float* source);

    /// <summary>Every lane set to <c>*source</c>.</summary>
    static abstract TVector Broadcast(float* source);

    static abstract void Store(TVector value, float* destination);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Abs(TVector value);

    static abstract TVector Sqrt(TVector value);

    /// <summary><c>left * right + addend</c> with one rounding.</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);
}
