using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Similarity.Grains.Kernels;

/// <summary>
/// Scores of float32 rows summed in float64: the reference precision that exact orderings and the
/// pairwise (STS) scores are defined by. Vectorised; every pair uses the same summation order.
/// </summary>
public static class PreciseScores
{
    /// <summary>The smallest norm cosine divides by, as in sentence-transformers' <c>normalize_embeddings</c>.</summary>
    public const double MinimumNorm = 1e-12;

    public static double Score(SimilarityFunction function, ReadOnlySpan<float> a, ReadOnlySpan<float> b) => function switch
    {
        SimilarityFunction.Cosine => Cosine(a, b),
        SimilarityFunction.Dot => Dot(a, b),
        SimilarityFunction.Manhattan => 0.0 - ManhattanDistance(a, b),
        SimilarityFunction.Euclidean => 0.0 - EuclideanDistance(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary><c>a·b / (max(‖a‖, 1e-12) · max(‖b‖, 1e-12))</c>; 0 when either row is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Dot(a, b) / (Math.Max(Norm(a), MinimumNorm) * Math.Max(Norm(b), MinimumNorm));

    public static double Norm(ReadOnlySpan<float> a) => Math.Sqrt(Dot(a, a));

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Sum<Product>(a, b);

    /// <summary><c>Σ |a[i] − b[i]|</c>.</summary>
    public static double ManhattanDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Sum<AbsoluteDifference>(a, b);

    /// <summary><c>√Σ (a[i] − b[i])²</c>.</summary>
    public static double EuclideanDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Sqrt(Sum<SquaredDifference>(a, b));

    /// <summary>
    /// <c>Σ term(a[i], b[i])</c> in float64: eight dimensions a step into four two-lane float64 sums, folded as
    /// <c>((s0 + s2) + (s1 + s3))</c> and then lane 0 + lane 1, then a scalar tail with the same term. The order is fixed,
    /// not taken from the machine's vector width, so every machine (and the scalar path) gives the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sum<TTerm>(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        where TTerm : IPairTerm
    {
        EnsureSameLength(a, b);
        var i = 0;
        var sum = 0.0;
        if (a.Length >= 8)
        {
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            Vector128<double> s0 = Vector128<double>.Zero, s1 = Vector128<double>.Zero, s2 = Vector128<double>.Zero, s3 = Vector128<double>.Zero;
            for (; i <= a.Length - 8; i += 8)
            {
                var (a0, a1) = Vector128.Widen(Vector128.LoadUnsafe(ref ra, (nuint)i));
                var (a2, a3) = Vector128.Widen(Vector128.LoadUnsafe(ref ra, (nuint)i + 4));
                var (b0, b1) = Vector128.Widen(Vector128.LoadUnsafe(ref rb, (nuint)i));
                var (b2, b3) = Vector128.Widen(Vector128.LoadUnsafe(ref rb, (nuint)i + 4));
                s0 += TTerm.Of(a0, b0);
                s1 += TTerm.Of(a1, b1);
                s2 += TTerm.Of(a2, b2);
                s3 += TTerm.Of(a3, b3);
            }

            var lanes = (s0 + s2) + (s1 + s3);
            sum = lanes.GetElement(0) + lanes.GetElement(1);
        }

        for (; i < a.Length; i++)
        {
            sum += TTerm.Of(a[i], b[i]);
        }

        return sum;
    }

    private static void EnsureSameLength(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length: {a.Length} and {b.Length}.");
        }
    }

    /// <summary>What <see cref="Sum{TTerm}"/> adds up for one dimension, on widened lanes and on single values alike.</summary>
    private interface IPairTerm
    {
        static abstract Vector128<double> Of(Vector128<double> a, Vector128<double> b);

        static abstract double Of(double a, double b);
    }

    private readonly struct Product : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Of(Vector128<double> a, Vector128<double> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Of(double a, double b) => a * b;
    }

    private readonly struct AbsoluteDifference : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Of(Vector128<double> a, Vector128<double> b) => Vector128.Abs(a - b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Of(double a, double b) => Math.Abs(a - b);
    }

    private readonly struct SquaredDifference : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Of(Vector128<double> a, Vector128<double> b)
        {
            var d = a - b;
            return d * d;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Of(double a, double b)
        {
            var d = a - b;
            return d * d;
        }
    }
}
