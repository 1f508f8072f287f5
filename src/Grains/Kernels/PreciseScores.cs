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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
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
                low += aLow * bLow;
                high += aHigh * bHigh;
            }

            sum = Vector.Sum(low + high);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    /// <summary><c>Σ |a[i] − b[i]|</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ManhattanDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
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
                low += Vector.Abs(aLow - bLow);
                high += Vector.Abs(aHigh - bHigh);
            }

            sum = Vector.Sum(low + high);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += Math.Abs((double)a[i] - b[i]);
        }

        return sum;
    }

    /// <summary><c>√Σ (a[i] − b[i])²</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double EuclideanDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
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
                var dLow = aLow - bLow;
                var dHigh = aHigh - bHigh;
                low += dLow * dLow;
                high += dHigh * dHigh;
            }

            sum = Vector.Sum(low + high);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            var d = (double)a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    private static void EnsureSameLength(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length: {a.Length} and {b.Length}.");
        }
    }
}
