using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary><c>Σ term(a[i], b[i])</c> in float64: widened vector lanes, then a scalar tail with the same term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sum<TTerm>(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        where TTerm : IPairTerm
    {
        EnsureSameLength(a, b);
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            Vector<double> low = Vector<double>.Zero, high = Vector<double>.Zero;
            for (var v = 0; v < va.Length; v++)
            {
                Vector.Widen(va[v], out var aLow, out var aHigh);
                Vector.Widen(vb[v], out var bLow, out var bHigh);
                low += TTerm.Of(aLow, bLow);
                high += TTerm.Of(aHigh, bHigh);
            }

            sum = Vector.Sum(low + high);
            i = va.Length * Vector<float>.Count;
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
        static abstract Vector<double> Of(Vector<double> a, Vector<double> b);

        static abstract double Of(double a, double b);
    }

    private readonly struct Product : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Of(Vector<double> a, Vector<double> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Of(double a, double b) => a * b;
    }

    private readonly struct AbsoluteDifference : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Of(Vector<double> a, Vector<double> b) => Vector.Abs(a - b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Of(double a, double b) => Math.Abs(a - b);
    }

    private readonly struct SquaredDifference : IPairTerm
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Of(Vector<double> a, Vector<double> b)
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
